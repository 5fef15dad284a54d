package network.ohc.care.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A full audit queue never loses a record silently: reads are dropped and counted, writes wait first. */
class AuditLogQueueTest {
    private static AuditLog log(int capacity, Duration writeWait) {
        AuditLog log = new AuditLog();
        log.registry = new SimpleMeterRegistry();
        log.config = new AuditConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration retention() {
                return Duration.ofDays(1);
            }

            public String purgeEvery() {
                return "6h";
            }

            public int queueCapacity() {
                return capacity;
            }

            public int batchSize() {
                return 10;
            }

            public Duration writeWait() {
                return writeWait;
            }
        };
        log.init();
        return log;
    }

    private static AccessRecord record(boolean write) {
        return new AccessRecord(Instant.now(), UUID.randomUUID(), "u", "patient.get", "PATIENT", UUID.randomUUID(), null, null,
                "127.0.0.1", Outcome.SUCCESS, 200, null, null, write);
    }

    @Test
    void readsBeyondTheQueueAreCountedAsDropped() {
        AuditLog log = log(2, Duration.ofMillis(50));
        log.record(record(false));
        log.record(record(false));
        assertEquals(0, log.dropped());
        log.record(record(false));
        assertEquals(1, log.dropped());
        assertEquals(1, log.registry.get("care.audit.dropped").counter().count());
    }

    @Test
    void aWriteWaitsForRoomBeforeItIsDropped() throws InterruptedException {
        AuditLog log = log(1, Duration.ofSeconds(30));
        log.record(record(false));
        Thread writer = new Thread(() -> log.record(record(true)));
        writer.start();
        writer.join(300);
        assertTrue(writer.isAlive(), "the write did not wait for room");
        log.queue.poll();
        writer.join(10_000);
        assertEquals(0, log.dropped());
        assertEquals(1, log.queue.size());
        AuditLog quick = log(1, Duration.ofMillis(20));
        quick.record(record(false));
        quick.record(record(true));
        assertEquals(1, quick.dropped());
    }
}
