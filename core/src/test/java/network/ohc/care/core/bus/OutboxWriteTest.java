package network.ohc.care.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import org.junit.jupiter.api.Test;

/** The outbox writer's own rules on the commit path: a signal needs a transaction, and a failed one dooms it. */
@QuarkusTest
class OutboxWriteTest {
    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;
    @Inject
    TransactionSynchronizationRegistry tsr;

    FacilityUpdated signal(UUID aggregate) {
        return new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", aggregate, aggregate), aggregate, "Writer",
                "CLINIC", null, null, true);
    }

    int rowsOf(UUID aggregate) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM core.signal_outbox WHERE aggregate_id = ?")) {
            ps.setObject(1, aggregate);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void aSignalOutsideATransactionIsRefusedAndNotRecorded() throws Exception {
        UUID agg = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> emitter.emit(signal(agg)));
        assertEquals(0, rowsOf(agg));
    }

    @Test
    void aSignalThatCannotBeRecordedDoomsTheCallersTransactionEvenIfTheCallerCatchesTheFailure() throws Exception {
        UUID agg = UUID.randomUUID();
        FacilityUpdated once = signal(agg);
        AtomicInteger statusAfterFailure = new AtomicInteger(-1);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            emitter.emit(once);
            try {
                emitter.emit(once); // the same signal id again: the outbox refuses it
            } catch (IllegalStateException expected) {
                statusAfterFailure.set(tsr.getTransactionStatus());
            }
        }));
        assertEquals(Status.STATUS_MARKED_ROLLBACK, statusAfterFailure.get());
        assertEquals(0, rowsOf(agg));
    }

    @Test
    void occurredAtIsStoredExactlyToTheMicrosecond() throws Exception {
        UUID agg = UUID.randomUUID();
        FacilityUpdated s = signal(agg);
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z"); // in the hour a European clock skips
        Envelope e = s.envelope();
        FacilityUpdated dated = new FacilityUpdated(new Envelope(e.signalId(), e.type(), e.schemaVersion(), at, e.aggregateType(),
                e.aggregateId(), e.facilityId(), e.actor(), e.correlationId()), agg, "Writer", "CLINIC", null, null, true);
        QuarkusTransaction.requiringNew().run(() -> emitter.emit(dated));
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT extract(epoch FROM occurred_at) * 1000000 FROM core.signal_outbox WHERE aggregate_id = ?")) {
            ps.setObject(1, agg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, rs.getBigDecimal(1).longValueExact());
            }
        }
    }
}
