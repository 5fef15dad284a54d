package network.ohc.care.core.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import network.ohc.care.core.common.Audited;

/** An identifier of a patient in some system (a national health id, a hospital MRN...). Unique per system. */
@Entity
@Table(name = "patient_identifier")
public class PatientIdentifier extends Audited {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false, updatable = false)
    public Patient patient;

    @Column(nullable = false, updatable = false)
    public String system;

    @Column(nullable = false, updatable = false)
    public String value;
}
