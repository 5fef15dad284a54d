package network.ohc.care.core.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to one subscriber, on a thread of its own, while this instance holds the subscriber's
 * lease. Handlers run on a second thread so that one that hangs can be timed out and abandoned.
 */
final class SubscriberWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(SubscriberWorker.class);

    record Settings(int batchSize, Duration pollInterval, int leaseSeconds, long lingerMillis) {
    }

    final SubscriptionSpec spec;
    private final BusStore store;
    private final ObjectMapper json;
    private final String owner;
    private final Settings settings;
    private final Semaphore wake = new Semaphore(0);
    private final BusMetrics metrics;

    private volatile boolean running = true;
    private volatile Thread thread;
    private ExecutorService handlerThread;
    private OutboxCursor cursor;
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
    private long nextLeaseCheck;

    SubscriberWorker(SubscriptionSpec spec, BusStore store, ObjectMapper json, String owner, Settings settings, BusMetrics metrics) {
        this.spec = spec;
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.settings = settings;
        this.metrics = metrics;
        this.handlerThread = newHandlerThread();
    }

    void start() {
        thread = new Thread(this, "care-bus-" + spec.name);
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    boolean holdsLease() {
        return holdingLease;
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        if (!holdingLease || cursor == null || System.nanoTime() >= nextLeaseCheck) {
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
            cursor = null;
            waitForWork(Math.max(1000, settings.pollInterval().toMillis()));
            return;
        }
        nextLeaseCheck = System.nanoTime() + LEASE_CHECK_NANOS;
        BusStore.Lease l = lease.get();
        if (!holdingLease || cursor == null) {
            holdingLease = true;
            cursor = new OutboxCursor(l.position(), store::xidBound);
            parked = store.parkedAggregates(spec.name);
            LOG.debugf("subscriber '%s' delivering from position %d", spec.name, l.position());
        }
        if (l.rewindTo() != null) {
            flush();
            replayUpTo = Math.max(replayUpTo, cursor.position());
            if (store.applyRewind(spec.name, owner, l.rewindTo())) {
                cursor.moveTo(l.rewindTo());
                position.set(l.rewindTo());
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
        List<OutboxRow> rows = store.fetch(cursor.position(), settings.batchSize());
        List<OutboxRow> ready = cursor.deliverable(rows);
        if (ready.isEmpty()) {
            // Saving the position at most every 200 ms keeps the write path cheap with many subscribers; a crash
            // redelivers at most that much (delivery is at least once anyway).
            if (dirty && System.nanoTime() - lastSave > 200_000_000L) {
                flush();
            }
            // Waiting on a transaction still in flight is short; otherwise sleep until woken or the next poll.
            waitForWork(cursor.waitingOnHole() ? 5 : settings.pollInterval().toMillis());
            return;
        }
        for (OutboxRow row : ready) {
            if (!running) {
                break;
            }
            process(row, row.seq() <= replayUpTo);
            cursor.advance(row);
            position.set(row.seq());
            dirty = true;
            if (System.nanoTime() - lastSave > 200_000_000L) {
                if (!flush()) {
                    return;
                }
            }
        }
    }

    /** Saves the position; false (and forgets the cursor) if the lease went to another instance. */
    private boolean flush() throws SQLException {
        if (cursor == null) {
            return false;
        }
        boolean kept = store.savePosition(spec.name, owner, cursor.position(), delivered, failed, lastError, settings.leaseSeconds());
        delivered = 0;
        failed = 0;
        lastError = null;
        dirty = false;
        lastSave = System.nanoTime();
        if (!kept) {
            LOG.infof("subscriber '%s': lease taken over by another instance", spec.name);
            holdingLease = false;
            cursor = null;
        }
        return kept;
    }

    private void process(OutboxRow row, boolean replay) throws Exception {
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
            signal = json.readValue(row.payload(), handler.type());
        } catch (Exception e) {
            store.deadLetter(spec.name, row, 0, "cannot read the signal: " + e.getMessage(), false);
            addParked(key);
            metrics.deadLettered(spec.name);
            return;
        }
        String error = attempt(handler, signal, row, replay);
        if (error != null) {
            store.deadLetter(spec.name, row, spec.maxAttempts, error, false);
            addParked(key);
            metrics.deadLettered(spec.name);
            LOG.warnf("subscriber '%s' gave up on %s #%d after %d attempts: %s", spec.name, row.type(), row.seq(), spec.maxAttempts, error);
        }
    }

    private void addParked(String key) {
        Set<String> next = new java.util.HashSet<>(parked);
        next.add(key);
        parked = next;
    }

    /** Runs the handler up to maxAttempts times; null on success, else the last error. */
    private String attempt(SubscriptionSpec.Handler handler, DomainSignal signal, OutboxRow row, boolean replay) throws Exception {
        String error = null;
        for (int attempt = 1; attempt <= spec.maxAttempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(spec.backoffBefore(attempt).toMillis());
                store.lease(spec.name, owner, settings.leaseSeconds());
            }
            Delivery delivery = new Delivery(spec.name, row.signalId(), row.seq(), attempt, replay);
            long started = System.nanoTime();
            error = invoke(handler, signal, delivery);
            if (error == null) {
                delivered++;
                metrics.delivered(spec.name, row, System.nanoTime() - started);
                return null;
            }
            failed++;
            lastError = row.type() + " #" + row.seq() + ": " + error;
            metrics.failed(spec.name);
        }
        return error;
    }

    private String invoke(SubscriptionSpec.Handler handler, DomainSignal signal, Delivery delivery) throws InterruptedException {
        Future<?> call = handlerThread.submit(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                handler.handler().handle(signal, delivery);
            } finally {
                requestContext.terminate();
            }
            return null;
        });
        try {
            call.get(spec.timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            // The handler hangs: abandon its thread and carry on with a fresh one.
            call.cancel(true);
            handlerThread.shutdownNow();
            handlerThread = newHandlerThread();
            return "timed out after " + spec.timeout.toMillis() + " ms";
        }
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
            String error = attempt(handler, signal, row.get(), true);
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
        if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            if (settings.lingerMillis() > 0) {
                Thread.sleep(settings.lingerMillis());
            }
            wake.drainPermits();
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
