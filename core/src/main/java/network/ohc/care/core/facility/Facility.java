package network.ohc.care.core.facility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import network.ohc.care.core.common.Audited;

/** A hospital, clinic or health centre. Facilities are deactivated, never deleted. */
@Entity
@Table(name = "facility")
public class Facility extends Audited {
    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityKind kind;

    public String address;
    public String district;
    public String state;
    public boolean active = true;

    @Version
    public long version;
}
