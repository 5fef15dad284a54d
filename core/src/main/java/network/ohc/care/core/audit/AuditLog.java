package network.ohc.care.core.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes access records off the request path: requests put them in a bounded queue, one background thread writes
 * them in batches, and shutdown writes what is left. A full queue drops a read's record at once and a write's after
 * {@code care.audit.write-wait}; every drop is counted in {@code care_audit_dropped_total} and logged.
 */
@ApplicationScoped
public class AuditLog implements Runnable {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final String INSERT = "INSERT INTO core.patient_access_audit (at, user_id, username, action, record_type, record_id,"
            + " patient_id, facility_id, client_address, outcome, status, plug, query) VALUES (?, ?, ?, ?, ?, ?, ?,"
            + " coalesce(?, (SELECT facility_id FROM core.patient WHERE id = ?), (SELECT facility_id FROM core.encounter WHERE id = ?)),"
            + " ?, ?, ?, ?, ?)";

    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;
    @Inject
    MeterRegistry registry;

    BlockingQueue<AccessRecord> queue;
    /** Records queued and not yet written (or given up): what flush waits for. */
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private Counter dropped;
    private Counter written;
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        init();
        thread = new Thread(this, "care-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void init() {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        dropped = Counter.builder("care.audit.dropped").description("Audit records lost because the queue was full").register(registry);
        written = Counter.builder("care.audit.written").description("Audit records written").register(registry);
        registry.gauge("care.audit.queued", queue, BlockingQueue::size);
    }

    double dropped() {
        return dropped.count();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        flush();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public void record(AccessRecord record) {
        if (!config.enabled() || queue == null) {
            return;
        }
        boolean queued = queue.offer(record);
        if (!queued && record.write()) {
            try {
                queued = queue.offer(record, config.writeWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (queued) {
            pending.incrementAndGet();
        } else {
            dropped.increment();
            long lost = (long) dropped.count();
            if (lost == 1 || lost % 1000 == 0) {
                LOG.errorf("audit queue full: record dropped, %d so far (%s %s %s by %s)", lost, record.action(), record.recordType(), record.recordId(),
                        record.username());
            }
        }
    }

    /** Writes everything queued so far, and waits (10 s at most) for the batch the writer holds; for shutdown and tests. */
    public void flush() {
        List<AccessRecord> batch = new ArrayList<>();
        while (queue != null && queue.drainTo(batch, config.batchSize()) > 0) {
            writeWithRetry(batch);
            batch.clear();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void run() {
        List<AccessRecord> batch = new ArrayList<>();
        while (running) {
            try {
                AccessRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Gather for a moment: one commit per batch instead of one per request.
                long until = System.nanoTime() + GATHER_NANOS;
                while (batch.size() < config.batchSize() && System.nanoTime() < until) {
                    AccessRecord next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, config.batchSize() - batch.size());
                }
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!batch.isEmpty()) {
                    writeWithRetry(batch);
                }
                return;
            }
        }
    }

    private void writeWithRetry(List<AccessRecord> batch) {
        try {
            writeOrGiveUp(batch);
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private void writeOrGiveUp(List<AccessRecord> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                write(batch);
                written.increment(batch.size());
                return;
            } catch (SQLException | RuntimeException e) {
                if (attempt == 5 || !running && attempt == 2) {
                    dropped.increment(batch.size());
                    LOG.errorf(e, "audit: %d records could not be written", batch.size());
                    return;
                }
                LOG.warnf("audit: write failed (%s), retrying", e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void write(List<AccessRecord> batch) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (AccessRecord r : batch) {
                ps.setTimestamp(1, Timestamp.from(r.at()));
                ps.setObject(2, r.userId(), Types.OTHER);
                ps.setString(3, r.username());
                ps.setString(4, r.action());
                ps.setString(5, r.recordType());
                ps.setObject(6, r.recordId(), Types.OTHER);
                ps.setObject(7, r.patientId(), Types.OTHER);
                ps.setObject(8, r.facilityId(), Types.OTHER);
                UUID lookup = r.facilityId() == null ? r.recordId() : null;
                ps.setObject(9, "PATIENT".equals(r.recordType()) ? lookup : null, Types.OTHER);
                ps.setObject(10, "ENCOUNTER".equals(r.recordType()) ? lookup : null, Types.OTHER);
                ps.setString(11, r.clientAddress());
                ps.setString(12, r.outcome().name());
                ps.setInt(13, r.status());
                ps.setString(14, r.plug());
                ps.setString(15, r.query());
                ps.addBatch();
            }
            ps.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
