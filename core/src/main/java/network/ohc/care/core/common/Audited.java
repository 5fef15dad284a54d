package network.ohc.care.core.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** Base of every core record: a time-ordered UUID and who created or last changed it, and when. */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class Audited extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
