package network.ohc.care.core.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.core.bus.AfterCommit;

/**
 * Appends a signal to {@code core.signal_outbox} within the caller's transaction (which must exist), and
 * after that transaction commits, hands the transaction's signals to {@link AfterCommit}.
 */
@ApplicationScoped
public class OutboxWriter {
    private static final String KEY = OutboxWriter.class.getName();

    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    AfterCommit afterCommit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainSignal signal) {
        Envelope e = signal.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(signal);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize " + e.type(), ex);
        }
        pending().add(signal);
        // The transaction id is taken (in the sub-select, which runs first) before the position is drawn:
        // the delivery cursor relies on it (see OutboxCursor).
        Panache.getSession().createNativeMutationQuery("""
                INSERT INTO core.signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id,
                    facility_id, occurred_at, actor, correlation_id, payload)
                OVERRIDING SYSTEM VALUE
                SELECT nextval(pg_get_serial_sequence('core.signal_outbox', 'seq')), x.id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                    cast(?10 AS jsonb)
                FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x""")
                .setParameter(1, e.signalId())
                .setParameter(2, e.type())
                .setParameter(3, e.schemaVersion())
                .setParameter(4, e.aggregateType())
                .setParameter(5, e.aggregateId())
                .setParameter(6, e.facilityId(), UUID.class)
                .setParameter(7, Timestamp.from(e.occurredAt()))
                .setParameter(8, e.actor(), String.class)
                .setParameter(9, e.correlationId(), String.class)
                .setParameter(10, payload)
                .executeUpdate();
    }

    /** The transaction's signals so far; the first call registers the after-commit callback. */
    @SuppressWarnings("unchecked")
    private List<DomainSignal> pending() {
        List<DomainSignal> list = (List<DomainSignal>) tx.getResource(KEY);
        if (list != null) {
            return list;
        }
        List<DomainSignal> created = new ArrayList<>();
        tx.putResource(KEY, created);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    afterCommit.committed(created);
                }
            }
        });
        return created;
    }
}
