package network.ohc.care.core.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;

/** Appends a signal to {@code core.signal_outbox} within the caller's transaction (which must exist). */
@ApplicationScoped
public class OutboxWriter {
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainSignal signal) {
        Envelope e = signal.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(signal);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize " + e.type(), ex);
        }
        Panache.getSession().createNativeMutationQuery("""
                INSERT INTO core.signal_outbox (signal_id, type, schema_version, aggregate_type, aggregate_id, facility_id,
                    occurred_at, actor, correlation_id, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 AS jsonb))""")
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
}
