package network.ohc.care.bus.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bus.contracts.DomainSignal;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to one subscriber, on a thread of its own, while this instance holds the subscriber's
 * lease ({@link LeaseKeeper}). Rows come from the instance's {@link OutboxFeed}. Handlers get a run of signals at a
 * time, on the worker's own thread ({@link CallerWatchdog}: a handler that hangs has that thread abandoned, and a fresh
 * one carries on with the timed-out signal as a failed attempt); only a failure or a parked aggregate sends a signal
 * through the slower one-by-one path with retries and dead letters ({@link DeadLetterPolicy}), whose attempts run on a
 * handler thread of their own ({@link HandlerWatchdog}). An async subscriber ({@code maxInFlight} above 1) gets its next run while the
 * signals of the previous one are still open ({@link InFlight}); its position passes only what finished, in order.
 */
final class SubscriberWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(SubscriberWorker.class);

    record Settings(int batchSize, Duration pollInterval, int leaseSeconds, Duration linger) {
    }

    final SubscriptionSpec spec;
    private final OutboxFeed feed;
    private final ObjectMapper json;
    private final Settings settings;
    private final Wakeup wakeup = new Wakeup();
    /** Whether the worker lingers after a batch at saturation, and whether a commit wakes it meanwhile. */
    private final Pacing pacing;
    private final BusMetrics metrics;
    private final BusMetrics.Delivered deliveredMeters;
    private final LeaseKeeper lease;
    /** Times the runs of first attempts, which run on the worker's thread. */
    private final CallerWatchdog runs;
    /** Times the one-by-one attempts (retries, replays), which run on a handler thread. */
    private final HandlerWatchdog watchdog;
    private final DeadLetterPolicy deadLetters;

    private volatile boolean running = true;
    private volatile Thread thread;
    /** Signals up to here are being delivered again after a rewind (their deliveries say so). */
    private long replayUpTo;
    /** The last position handed out, for the lag gauge. */
    final AtomicLong position;
    /** Signals handed over and not finished, carried from batch to batch (none stay open unless {@link #pipelined}). */
    private InFlight inFlight;
    /** An async subscriber's next batch is handed over while the previous one's signals are still open. */
    private final boolean pipelined;

    SubscriberWorker(SubscriptionSpec spec, BusStore store, OutboxFeed feed, ObjectMapper json, String owner, Settings settings,
            BusMetrics metrics) {
        this.spec = spec;
        this.feed = feed;
        this.json = json;
        this.settings = settings;
        this.pacing = new Pacing(wakeup, settings.linger().toMillis());
        this.metrics = metrics;
        this.deliveredMeters = metrics.delivered(spec.name);
        this.lease = new LeaseKeeper(store, spec.name, owner, settings.leaseSeconds(), System::nanoTime);
        this.position = lease.position;
        this.pipelined = spec.maxInFlight > 1;
        this.inFlight = inFlightFrom(-1);
        this.watchdog = new HandlerWatchdog("care-bus-handler-" + spec.name, spec.timeout);
        this.runs = new CallerWatchdog("care-bus-watchdog-" + spec.name, spec.timeout, work -> timedOut((HandlerRun) work));
        this.deadLetters = new DeadLetterPolicy(spec.name, spec.maxAttempts, spec::backoffBefore, store,
                () -> metrics.deadLettered(spec.name), d -> Thread.sleep(d.toMillis()));
    }

    void start() {
        thread = Wakeup.startDaemon(this, "care-bus-" + spec.name);
    }

    /**
     * On the watchdog's thread: a handler of a run overran the timeout on the worker's thread, which is abandoned. A
     * fresh thread takes over the worker, starting with the signal that timed out, as a failed first attempt.
     */
    private void timedOut(HandlerRun batch) {
        if (!running) {
            return;
        }
        thread = Wakeup.startDaemon(() -> {
            try {
                fail(batch, "timed out after " + runs.timeout().toMillis() + " ms");
                lease.delivered(batch.succeeded);
                settle(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (Exception e) {
                LOG.warnf("signal delivery to '%s' paused after an error: %s", spec.name, e.toString());
                inFlight = inFlightFrom(lease.current());
                sleepQuietly(1000);
            }
            run();
        }, "care-bus-" + spec.name);
    }

    void wake() {
        wakeup.ring();
    }

    /** The feed's safe head moved (on the thread that moved it): wakes the worker unless it lingers for more. */
    void advanced(long safeHead) {
        pacing.advanced(safeHead);
    }

    /** Re-read the subscription row (replay and rewind requests) at the next turn instead of within a second. */
    void recheck() {
        lease.recheck();
        wake();
    }

    boolean holdsLease() {
        return lease.holds();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (runs.stopping()) {
            try {
                t.join(2000); // the handler in hand may end; no other starts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Wakeup.stop(t);
        runs.shutdown();
        watchdog.shutdown();
        try {
            lease.release(); // what was handled since the last save is not delivered again after a clean stop
        } catch (SQLException e) {
            LOG.debugf("releasing lease of %s: %s", spec.name, e.getMessage());
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopOnce();
            } catch (CallerWatchdog.Abandoned e) {
                return; // a handler overran its timeout on this thread: another one carries on
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (Exception e) {
                LOG.warnf("signal delivery to '%s' paused after an error: %s", spec.name, e.toString());
                sleepQuietly(1000);
            }
        }
    }

    private void loopOnce() throws Exception {
        if (lease.checkDue()) {
            checkLease();
            return;
        }
        deliverBatch();
    }

    /** Takes or renews the lease, and carries out an operator's rewind or replay request. */
    private void checkLease() throws Exception {
        Optional<LeaseKeeper.Held> held = lease.renew();
        if (held.isEmpty()) {
            waitForWork(Math.max(1000, settings.pollInterval().toMillis()));
            return;
        }
        LeaseStore.Lease l = held.get().lease();
        if (held.get().fresh()) {
            deadLetters.reload();
            LOG.debugf("subscriber '%s' delivering from position %d", spec.name, l.position());
        }
        if (l.rewindTo() != null) {
            flush();
            replayUpTo = Math.max(replayUpTo, Math.max(lease.current(), inFlight.handedUpTo()));
            if (lease.rewindTo(l.rewindTo())) {
                inFlight = inFlightFrom(lease.current()); // what is open is delivered again from there
                LOG.infof("subscriber '%s' replays from position %d", spec.name, l.rewindTo());
            }
            return;
        }
        if (l.replayRequested()) {
            if (deadLetters.replay(this::replay, () -> running)) {
                flush();
            }
            lease.replayDone();
            return;
        }
        deliverBatch();
    }

    private void deliverBatch() throws Exception {
        deadLetters.refresh();
        if (inFlight.finished() != lease.current()) {
            inFlight = inFlightFrom(lease.current()); // the position moved (a new lease, a rewind): start from it
        }
        List<OutboxFeed.Row> rows = feed.after(inFlight.handedUpTo(), settings.batchSize());
        if (rows.isEmpty()) {
            if (!inFlight.isEmpty()) {
                awaitInFlight();
                return;
            }
            if (lease.dirty() && lease.saveDue()) {
                flush();
            }
            waitForWork(settings.pollInterval().toMillis());
            return;
        }
        boolean linger = pacing.read(rows.size(), rows.size() >= settings.batchSize(), System.nanoTime());
        int i = 0;
        while (i < rows.size() && running && lease.active()) {
            // The longest run from i that needs nothing but a first attempt: no parked aggregate, readable payload.
            List<HandlerRun.Item> run = new ArrayList<>();
            int j = i;
            for (; j < rows.size(); j++) {
                HandlerRun.Item p = prepare(rows.get(j));
                if (p == null) {
                    break;
                }
                run.add(p);
            }
            if (!run.isEmpty()) {
                if (!settle(runBatch(run, 1, inFlight, pipelined, true))) {
                    return;
                }
                i = j;
            } else {
                // Off the fast path, and in order: what is in flight finishes first.
                if (!inFlight.isEmpty() && !settle(runBatch(List.of(), 1, inFlight, false, true))) {
                    return;
                }
                OutboxFeed.Row row = rows.get(i);
                process(row, row.row.seq() <= replayUpTo);
                lease.advanceTo(row.row.seq());
                inFlight = inFlightFrom(row.row.seq());
                i++;
            }
            if (lease.saveDue() && !flush()) {
                return;
            }
        }
        if (linger && i == rows.size() && inFlight.isEmpty() && running) {
            pacing.linger(inFlight.handedUpTo(), feed::safeHead); // signals come fast: more of them per wake-up
        }
    }

    /**
     * Caught up with the outbox while signals are still open: passes those that finished, then waits until the next
     * one finishes (it rings), a commit comes, or the oldest is due to time out.
     */
    private void awaitInFlight() throws Exception {
        if (!settle(runBatch(List.of(), 1, inFlight, true, true))) {
            return;
        }
        if (lease.dirty() && lease.saveDue() && !flush()) {
            return;
        }
        InFlight.Pending oldest = inFlight.oldest();
        if (oldest != null) {
            long dueMillis = (spec.timeout.toNanos() - (System.nanoTime() - oldest.startedAt())) / 1_000_000 + 1;
            waitForWork(Math.max(1, Math.min(settings.pollInterval().toMillis(), dueMillis)));
        }
    }

    /**
     * Passes the finished prefix of a run. After a failure, the failed signal takes the one-by-one path (retries, dead
     * letters) and the signals after it are read again. False when the batch loop must end here.
     */
    private boolean settle(HandlerRun batch) throws Exception {
        if (batch.finished > lease.current()) {
            lease.advanceTo(batch.finished); // saved by stop() if it stops: not delivered again
        }
        if (batch.stopped || batch.fenced) {
            inFlight = inFlightFrom(lease.current());
            if (batch.fenced) {
                lease.recheck(); // renew, or learn that another instance took over
            }
            return false;
        }
        if (batch.failed == null) {
            return true;
        }
        HandlerRun.Item p = batch.failed;
        inFlight = inFlightFrom(lease.current()); // what followed it may still finish, unheard: it is delivered again
        failedAttempt(p.row(), batch.error);
        deadLetters.giveUpIfFailed(p.row(), deadLetters.afterFirstFailure(batch.error, n -> attempt(p, n), this::touch));
        lease.advanceTo(p.row().seq());
        inFlight = inFlightFrom(p.row().seq());
        return false;
    }

    /** The row ready for its first attempt in a run; null if it must take the one-by-one path (parked, or unreadable). */
    private HandlerRun.Item prepare(OutboxFeed.Row row) {
        SubscriptionSpec.Handler handler = spec.handlers.get(row.key);
        boolean replay = row.row.seq() <= replayUpTo;
        if (handler == null) {
            return new HandlerRun.Item(row.row, null, null, replay);
        }
        if (deadLetters.isParked(row.row)) {
            return null;
        }
        try {
            return new HandlerRun.Item(row.row, handler, row.decode(handler.type(), json), replay);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Hands {@code run} over after what {@code inFlight} holds, under the watchdog; with {@code handOff} it returns once
     * all are handed over, else once all finished (or at the first failure). Counts what was delivered. {@code here}: on
     * this thread (a run of first attempts: a time-out abandons this thread, see {@link #timedOut}), else on the handler
     * thread.
     */
    private HandlerRun runBatch(List<HandlerRun.Item> run, int attempt, InFlight into, boolean handOff, boolean here)
            throws InterruptedException {
        HandlerRun batch = new HandlerRun(spec.name, run, attempt, spec.maxInFlight, into, handOff, spec.timeout.toNanos(),
                deliveredMeters, lease::expired);
        if (batch.empty()) {
            batch.run(); // nothing here for this subscriber: only passes the rows over
            return batch;
        }
        HandlerWatchdog.Verdict verdict;
        try {
            // Abandoned (an Error) passes through untouched: this thread then leaves the worker to its successor.
            verdict = here ? runs.watch(batch, () -> running) : watchdog.watch(batch, () -> running);
        } catch (InterruptedException e) {
            lease.delivered(batch.succeeded);
            throw e;
        }
        lease.delivered(batch.succeeded);
        switch (verdict.outcome()) {
            case CRASHED -> fail(batch, HandlerRun.describe(verdict.error()));
            case TIMED_OUT -> fail(batch, "timed out after " + watchdog.timeout().toMillis() + " ms");
            case STOPPED -> batch.stopped = true;
            case FINISHED -> {
                // the run says how it went
            }
        }
        return batch;
    }

    /** Nothing in flight yet, the next after {@code position}; a finish wakes the worker when it may be waiting for one. */
    private InFlight inFlightFrom(long position) {
        return new InFlight(position, pipelined ? wakeup::ring : () -> {
        });
    }

    /** The signal the watchdog was timing failed (crashed or timed out). */
    private static void fail(HandlerRun batch, String error) {
        HandlerRun.Item at = batch.stepItem();
        if (at == null) {
            throw new IllegalStateException("handler run failed before any signal: " + error);
        }
        batch.failed = at;
        batch.error = error;
    }

    /** Saves the position; false if the lease went to another instance (the position is forgotten). */
    private boolean flush() throws SQLException {
        if (!lease.active()) {
            return false;
        }
        boolean kept = lease.flush();
        if (!kept) {
            LOG.infof("subscriber '%s': lease taken over by another instance", spec.name);
        }
        return kept;
    }

    /** A signal off the fast path: parked behind a dead letter, unreadable, or to be attempted on its own. */
    private void process(OutboxFeed.Row feedRow, boolean replay) throws Exception {
        OutboxRow row = feedRow.row;
        SubscriptionSpec.Handler handler = spec.handlers.get(feedRow.key);
        if (handler == null) {
            return;
        }
        if (deadLetters.isParked(row)) {
            deadLetters.parkBehind(row);
            return;
        }
        DomainSignal signal;
        try {
            signal = feedRow.decode(handler.type(), json);
        } catch (Exception e) {
            deadLetters.unreadable(row, e);
            return;
        }
        HandlerRun.Item p = new HandlerRun.Item(row, handler, signal, replay);
        deadLetters.giveUpIfFailed(row, deadLetters.retry(1, n -> attempt(p, n), this::touch));
    }

    /** One attempt at one signal; null if handled, else the error. */
    private String attempt(HandlerRun.Item p, int attempt) throws Exception {
        HandlerRun one = runBatch(List.of(p), attempt, new InFlight(p.row().seq() - 1, () -> {
        }), false, false);
        if (one.stopped || one.fenced) {
            if (one.failed == null && one.finished >= p.row().seq()) {
                return null;
            }
            if (one.fenced) {
                lease.recheck();
                throw new InterruptedException("lease ran out"); // not delivered: the lease's next holder starts from it
            }
            throw new InterruptedException("stopping");
        }
        if (one.failed == null) {
            return null;
        }
        failedAttempt(p.row(), one.error);
        return one.error;
    }

    /** Before a retry: the lease is renewed, as backoffs may be long. */
    private String touch(int attempt) throws SQLException {
        lease.touch();
        return null;
    }

    private DeadLetterPolicy.Replayed replay(OutboxRow row) throws Exception {
        SubscriptionSpec.Handler handler = spec.handlers.get(row.key());
        if (handler == null) {
            return DeadLetterPolicy.Replayed.NOT_HANDLED;
        }
        DomainSignal signal;
        try {
            signal = json.readValue(row.payload(), handler.type());
        } catch (Exception e) {
            return DeadLetterPolicy.Replayed.failed(0, "cannot read the signal: " + e.getMessage());
        }
        String error = deadLetters.retry(1, n -> attempt(new HandlerRun.Item(row, handler, signal, true), n), this::touch);
        return error == null ? DeadLetterPolicy.Replayed.ok() : DeadLetterPolicy.Replayed.failed(spec.maxAttempts, error);
    }

    private void failedAttempt(OutboxRow row, String error) {
        lease.failed(row.type() + " #" + row.seq() + ": " + error);
        metrics.failed(spec.name);
    }

    private void waitForWork(long millis) throws InterruptedException {
        if (wakeup.await(millis)) {
            wakeup.clear();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
