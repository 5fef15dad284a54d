package network.ohc.care.core.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.common.Audited;

/** A role a user holds in one facility. Revoked grants stay as history. */
@Entity
@Table(name = "facility_role")
public class FacilityRoleGrant extends Audited {
    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityRole role;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public static List<FacilityRoleGrant> activeFor(UUID userId) {
        return list("userId = ?1 and revokedAt is null", userId);
    }
}
