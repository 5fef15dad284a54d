package network.ohc.care.core.patient;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.Sex;
import network.ohc.care.core.common.Audited;

/** A person registered at a facility. When the birth date is unknown, the age stated on a given day is kept. */
@Entity
@Table(name = "patient")
public class Patient extends Audited {
    @Column(name = "facility_id", nullable = false, updatable = false)
    public UUID facilityId;

    @Column(nullable = false)
    public String name;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "age_years")
    public Integer ageYears;

    @Column(name = "age_recorded_on")
    public LocalDate ageRecordedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    public String phone;
    public String address;
    public boolean active = true;

    @Version
    public long version;

    @OneToMany(mappedBy = "patient", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt, id")
    public List<PatientIdentifier> identifiers = new ArrayList<>();

    /** Age in whole years today: from the birth date, or the stated age plus the years since it was stated. */
    public Integer age(LocalDate today) {
        if (dateOfBirth != null) {
            return Period.between(dateOfBirth, today).getYears();
        }
        if (ageYears != null && ageRecordedOn != null) {
            return ageYears + Period.between(ageRecordedOn, today).getYears();
        }
        return null;
    }
}
