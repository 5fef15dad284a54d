package network.ohc.care.core.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to one subscriber, on a thread of its own, while this instance holds the subscriber's
 * lease. Rows come from the instance's {@link OutboxFeed}. Handlers run on a second thread so that one that hangs
 * can be timed out and abandoned; they get a run of signals at a time, and only a failure or a parked aggregate
 * sends a signal through the slower one-by-one path with retries.
 */
final class SubscriberWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(SubscriberWorker.class);

    record Settings(int batchSize, Duration pollInterval, int leaseSeconds) {
    }

    final SubscriptionSpec spec;
    private final BusStore store;
    private final OutboxFeed feed;
    private final ObjectMapper json;
    private final String owner;
    private final Settings settings;
    private final Wakeup wakeup = new Wakeup();
    private final BusMetrics metrics;
    private final BusMetrics.Delivered deliveredMeters;

    private volatile boolean running = true;
    private volatile Thread thread;
    private ExecutorService handlerThread;
    /** The last position handed out; -1 while this instance does not hold the lease. */
    private long current = -1;
    private Set<String> parked = Set.of();
    private long replayUpTo;
    final AtomicLong position = new AtomicLong();
    private volatile boolean holdingLease;

    // Progress not yet saved.
    private long delivered;
    private long failed;
    private String lastError;
    private long lastSave = System.nanoTime();
    private boolean dirty;
    // The lease row is re-read (renewed, and checked for replay requests) at most this often while we hold it;
    // saving the position renews it too, and fails if another instance has taken it.
    private static final long LEASE_CHECK_NANOS = 1_000_000_000L;
    private volatile long nextLeaseCheck;

    SubscriberWorker(SubscriptionSpec spec, BusStore store, OutboxFeed feed, ObjectMapper json, String owner, Settings settings,
            BusMetrics metrics) {
        this.spec = spec;
        this.store = store;
        this.feed = feed;
        this.json = json;
        this.owner = owner;
        this.settings = settings;
        this.metrics = metrics;
        this.deliveredMeters = metrics.delivered(spec.name);
        this.handlerThread = newHandlerThread();
    }

    void start() {
        thread = Wakeup.startDaemon(this, "care-bus-" + spec.name);
    }

    void wake() {
        wakeup.ring();
    }

    /** Re-read the subscription row (replay and rewind requests) at the next turn instead of within a second. */
    void recheck() {
        nextLeaseCheck = Long.MIN_VALUE;
        wake();
    }

    boolean holdsLease() {
        return holdingLease;
    }

    void stop() {
        running = false;
        Wakeup.stop(thread);
        handlerThread.shutdownNow();
        try {
            if (holdingLease && dirty) {
                flush(); // what was handled since the last save is not delivered again after a clean stop
            }
            if (holdingLease) {
                store.release(spec.name, owner);
            }
        } catch (SQLException e) {
            LOG.debugf("releasing lease of %s: %s", spec.name, e.getMessage());
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopOnce();
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
        if (!holdingLease || current < 0 || System.nanoTime() >= nextLeaseCheck) {
            checkLease();
            return;
        }
        deliverBatch();
    }

    /** Takes or renews the lease, and carries out an operator's rewind or replay request. */
    private void checkLease() throws Exception {
        Optional<BusStore.Lease> lease = store.lease(spec.name, owner, settings.leaseSeconds());
        if (lease.isEmpty()) {
            holdingLease = false;
            current = -1;
            waitForWork(Math.max(1000, settings.pollInterval().toMillis()));
            return;
        }
        nextLeaseCheck = System.nanoTime() + LEASE_CHECK_NANOS;
        BusStore.Lease l = lease.get();
        if (!holdingLease || current < 0) {
            holdingLease = true;
            current = l.position();
            position.set(current);
            parked = store.parkedAggregates(spec.name);
            LOG.debugf("subscriber '%s' delivering from position %d", spec.name, l.position());
        }
        if (l.rewindTo() != null) {
            flush();
            replayUpTo = Math.max(replayUpTo, current);
            if (store.applyRewind(spec.name, owner, l.rewindTo())) {
                current = l.rewindTo();
                position.set(current);
                LOG.infof("subscriber '%s' replays from position %d", spec.name, l.rewindTo());
            }
            return;
        }
        if (l.replayRequested()) {
            replayDeadLetters();
            store.clearReplayRequest(spec.name, owner);
            return;
        }
        deliverBatch();
    }

    private void deliverBatch() throws Exception {
        if (!parked.isEmpty()) {
            parked = store.parkedAggregates(spec.name); // an operator may have discarded what held them
        }
        List<OutboxFeed.Row> rows = feed.after(current, settings.batchSize());
        if (rows.isEmpty()) {
            // Saving the position at most every 200 ms keeps the write path cheap with many subscribers; a crash
            // redelivers at most that much (delivery is at least once anyway).
            if (dirty && System.nanoTime() - lastSave > 200_000_000L) {
                flush();
            }
            waitForWork(settings.pollInterval().toMillis());
            return;
        }
        int i = 0;
        while (i < rows.size() && running && current >= 0) {
            // The longest run from i that needs nothing but a first attempt: no parked aggregate, readable payload.
            List<Prepared> run = new ArrayList<>();
            int j = i;
            for (; j < rows.size(); j++) {
                Prepared p = prepare(rows.get(j));
                if (p == null) {
                    break;
                }
                run.add(p);
            }
            if (!run.isEmpty()) {
                Batch batch = runBatch(run, 1);
                if (batch.stopped) {
                    if (batch.completed > 0) {
                        advanceTo(run.get(batch.completed - 1).row.seq()); // saved by stop(): not delivered again
                    }
                    return;
                }
                int done = batch.failedAt < 0 ? run.size() : batch.failedAt;
                if (done > 0) {
                    advanceTo(run.get(done - 1).row.seq());
                }
                if (batch.failedAt < 0) {
                    i = j;
                } else {
                    Prepared p = run.get(batch.failedAt);
                    failedAttempt(p.row, batch.error);
                    finish(p, batch.error);
                    advanceTo(p.row.seq());
                    i += batch.failedAt + 1;
                }
            } else {
                OutboxFeed.Row row = rows.get(i);
                process(row, row.row.seq() <= replayUpTo);
                advanceTo(row.row.seq());
                i++;
            }
            if (System.nanoTime() - lastSave > 200_000_000L && !flush()) {
                return;
            }
        }
    }

    private void advanceTo(long seq) {
        current = seq;
        position.set(seq);
        dirty = true;
    }

    /** A signal ready for an attempt ({@code handler} null: not a type this subscriber handles, passed over). */
    private record Prepared(OutboxRow row, SubscriptionSpec.Handler handler, DomainSignal signal, boolean replay) {
    }

    /** The row ready for its first attempt in a run; null if it must take the one-by-one path (parked, or unreadable). */
    private Prepared prepare(OutboxFeed.Row row) {
        SubscriptionSpec.Handler handler = spec.handlers.get(row.row.key());
        boolean replay = row.row.seq() <= replayUpTo;
        if (handler == null) {
            return new Prepared(row.row, null, null, replay);
        }
        if (!parked.isEmpty() && parked.contains(row.row.aggregateType() + "/" + row.row.aggregateId())) {
            return null;
        }
        try {
            return new Prepared(row.row, handler, row.decode(handler.type(), json), replay);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Attempt {@code attempt} of each signal of a run, in order, on the handler thread, each handed over in its own
     * request context; the worker watches it for a handler that overruns its timeout. Up to the subscription's
     * max-in-flight signals are handed over before the oldest of them has finished; progress is the run's prefix that
     * has finished. Stops at the first failure in that order.
     */
    private final class Batch implements Runnable {
        final List<Prepared> run;
        final int attempt;
        /** The signal the watchdog times: the oldest handed over and not yet finished (or the one being handed over). */
        volatile int at;
        volatile long startedAt = System.nanoTime();
        volatile int failedAt = -1;
        volatile String error;
        volatile int succeeded;
        /** Signals of the run done with (handled, or none of this subscriber's types): the run's progress. */
        volatile int completed;
        /** The instance is stopping: the run ended after the signal in hand, {@link #completed} says how far it got. */
        volatile boolean stopped;
        /** Set when the worker gave up on this run's thread: a handler that returns late must not go on to the next signal. */
        volatile boolean abandoned;

        Batch(List<Prepared> run, int attempt) {
            this.run = run;
            this.attempt = attempt;
        }

        /** A signal handed over and not yet finished. */
        private record Pending(int index, CompletableFuture<?> done, long startedAt) {
        }

        @Override
        public void run() {
            ManagedContext requestContext = Arc.container().requestContext();
            ArrayDeque<Pending> pending = new ArrayDeque<>();
            int next = 0;
            // Once abandoned (stopping, or timed out and interrupted), nothing more is handed over; what was may finish.
            while ((!abandoned && next < run.size()) || !pending.isEmpty()) {
                if (!abandoned && next < run.size() && pending.size() < spec.maxInFlight) {
                    Prepared p = run.get(next);
                    int k = next++;
                    if (p.handler == null) {
                        if (pending.isEmpty()) {
                            completed = k + 1;
                        }
                        continue;
                    }
                    long now = System.nanoTime();
                    if (pending.isEmpty()) {
                        startedAt = now;
                        at = k;
                    }
                    CompletableFuture<?> done;
                    requestContext.activate();
                    try {
                        done = p.handler.handler().handle(p.signal, new Delivery(spec.name, p.row.signalId(), p.row.seq(), attempt, p.replay))
                                .toCompletableFuture();
                    } catch (Throwable t) {
                        done = CompletableFuture.failedFuture(t); // reported once those before it finished
                    } finally {
                        requestContext.terminate();
                    }
                    pending.add(new Pending(k, done, now));
                    continue;
                }
                Pending oldest = pending.peek();
                try {
                    if (abandoned) {
                        oldest.done.get(2, TimeUnit.SECONDS); // an abandoned thread does not wait for ever
                    } else {
                        oldest.done.get();
                    }
                } catch (Throwable t) {
                    if (!abandoned) { // else the worker has said why
                        error = describe(t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t);
                        failedAt = oldest.index;
                    }
                    return;
                }
                pending.poll();
                succeeded++;
                deliveredMeters.record(run.get(oldest.index).row);
                Pending now = pending.peek();
                if (now == null) {
                    completed = next;
                } else {
                    completed = now.index;
                    startedAt = now.startedAt;
                    at = now.index;
                }
            }
        }
    }

    /** Runs {@code run} to its end or its first failure; counts what was delivered. */
    private Batch runBatch(List<Prepared> run, int attempt) throws InterruptedException {
        Batch batch = new Batch(run, attempt);
        if (run.stream().allMatch(p -> p.handler == null)) {
            return batch; // nothing here for this subscriber
        }
        try {
            watch(batch);
        } finally {
            delivered += batch.succeeded;
        }
        return batch;
    }

    private void watch(Batch batch) throws InterruptedException {
        Future<?> call = handlerThread.submit(batch);
        long timeout = spec.timeout.toNanos();
        while (true) {
            int at = batch.at;
            long left = timeout - (System.nanoTime() - batch.startedAt);
            try {
                call.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException e) {
                batch.failedAt = firstOpen(batch);
                batch.error = describe(e.getCause() == null ? e : e.getCause());
                return;
            } catch (InterruptedException e) {
                if (running) {
                    throw e;
                }
                // Stopping: the signal in hand may finish, no further one starts; stop() saves how far the run got.
                batch.abandoned = true;
                try {
                    call.get(2, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException ignored) {
                    // the run's progress is what it is
                }
                batch.stopped = true;
                return;
            } catch (TimeoutException e) {
                if (batch.at == at && System.nanoTime() - batch.startedAt >= timeout) {
                    // This handler hangs: abandon its thread and carry on with a fresh one.
                    batch.abandoned = true;
                    call.cancel(true);
                    handlerThread.shutdownNow();
                    handlerThread = newHandlerThread();
                    batch.failedAt = firstOpen(batch); // the oldest signal not finished: the one timed
                    batch.error = "timed out after " + spec.timeout.toMillis() + " ms";
                    return;
                }
            }
        }
    }

    /** The run's first signal not finished (the last one if the run finished just now: it is delivered again). */
    private static int firstOpen(Batch batch) {
        return Math.min(batch.completed, batch.run.size() - 1);
    }

    /** Saves the position; false (and forgets the position) if the lease went to another instance. */
    private boolean flush() throws SQLException {
        if (current < 0) {
            return false;
        }
        boolean kept = store.savePosition(spec.name, owner, current, delivered, failed, lastError, settings.leaseSeconds());
        delivered = 0;
        failed = 0;
        lastError = null;
        dirty = false;
        lastSave = System.nanoTime();
        if (!kept) {
            LOG.infof("subscriber '%s': lease taken over by another instance", spec.name);
            holdingLease = false;
            current = -1;
        }
        return kept;
    }

    private void process(OutboxFeed.Row feedRow, boolean replay) throws Exception {
        OutboxRow row = feedRow.row;
        SubscriptionSpec.Handler handler = spec.handlers.get(row.key());
        if (handler == null) {
            return;
        }
        String key = row.aggregateType() + "/" + row.aggregateId();
        if (parked.contains(key)) {
            store.deadLetter(spec.name, row, 0, "parked behind an earlier dead letter of " + key, true);
            metrics.deadLettered(spec.name);
            return;
        }
        DomainSignal signal;
        try {
            signal = feedRow.decode(handler.type(), json);
        } catch (Exception e) {
            store.deadLetter(spec.name, row, 0, "cannot read the signal: " + e.getMessage(), false);
            addParked(key);
            metrics.deadLettered(spec.name);
            return;
        }
        giveUpIfFailed(row, attempt(new Prepared(row, handler, signal, replay), 1));
    }

    /** After a first attempt failed in a run: the remaining attempts, then the dead letters. */
    private void finish(Prepared p, String firstError) throws Exception {
        giveUpIfFailed(p.row, spec.maxAttempts > 1 ? attempt(p, 2) : firstError);
    }

    private void giveUpIfFailed(OutboxRow row, String error) throws SQLException {
        if (error != null) {
            store.deadLetter(spec.name, row, spec.maxAttempts, error, false);
            addParked(row.aggregateType() + "/" + row.aggregateId());
            metrics.deadLettered(spec.name);
            LOG.warnf("subscriber '%s' gave up on %s #%d after %d attempts: %s", spec.name, row.type(), row.seq(), spec.maxAttempts, error);
        }
    }

    private void addParked(String key) {
        Set<String> next = new java.util.HashSet<>(parked);
        next.add(key);
        parked = next;
    }

    /** Runs the handler from attempt {@code from} up to maxAttempts; null on success, else the last error. */
    private String attempt(Prepared p, int from) throws Exception {
        String error = null;
        for (int attempt = from; attempt <= spec.maxAttempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(spec.backoffBefore(attempt).toMillis());
                store.lease(spec.name, owner, settings.leaseSeconds());
            }
            Batch one = runBatch(List.of(p), attempt);
            if (one.stopped) {
                if (one.completed == 1) {
                    return null;
                }
                throw new InterruptedException("stopping");
            }
            if (one.failedAt < 0) {
                return null;
            }
            error = one.error;
            failedAttempt(p.row, error);
        }
        return error;
    }

    private void failedAttempt(OutboxRow row, String error) {
        failed++;
        lastError = row.type() + " #" + row.seq() + ": " + error;
        metrics.failed(spec.name);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void replayDeadLetters() throws Exception {
        Set<String> stillFailing = new java.util.HashSet<>();
        for (BusStore.DeadLetter dl : store.deadLetters(spec.name, true, 100_000)) {
            if (!running) {
                return;
            }
            String key = dl.aggregateType() + "/" + dl.aggregateId();
            if (stillFailing.contains(key)) {
                continue; // keep later signals of this aggregate parked behind the one that still fails
            }
            Optional<OutboxRow> row = store.fetchOne(dl.seq());
            SubscriptionSpec.Handler handler = row.map(r -> spec.handlers.get(r.key())).orElse(null);
            if (handler == null || row.isEmpty()) {
                store.resolveDeadLetter(dl.id(), "DISCARDED");
                continue;
            }
            DomainSignal signal;
            try {
                signal = json.readValue(row.get().payload(), handler.type());
            } catch (Exception e) {
                store.failedAgain(dl.id(), 0, "cannot read the signal: " + e.getMessage());
                stillFailing.add(key);
                continue;
            }
            String error = attempt(new Prepared(row.get(), handler, signal, true), 1);
            if (error == null) {
                store.resolveDeadLetter(dl.id(), "REPLAYED");
            } else {
                store.failedAgain(dl.id(), spec.maxAttempts, error);
                stillFailing.add(key);
            }
        }
        parked = store.parkedAggregates(spec.name);
        flush();
    }

    private void waitForWork(long millis) throws InterruptedException {
        if (wakeup.await(millis)) {
            wakeup.clear();
        }
    }

    private ExecutorService newHandlerThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "care-bus-handler-" + spec.name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
