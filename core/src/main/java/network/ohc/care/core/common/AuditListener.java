package network.ohc.care.core.common;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import network.ohc.care.bus.contracts.SignalIds;

/** Fills id and audit columns from the acting user (or "system" outside a request). */
public class AuditListener {

    @PrePersist
    void onCreate(Audited entity) {
        if (entity.id == null) {
            entity.id = SignalIds.newId();
        }
        Instant now = Clock.now();
        String actor = Actor.current();
        entity.createdAt = now;
        entity.createdBy = actor;
        entity.updatedAt = now;
        entity.updatedBy = actor;
    }

    @PreUpdate
    void onUpdate(Audited entity) {
        entity.updatedAt = Clock.now();
        entity.updatedBy = Actor.current();
    }
}
