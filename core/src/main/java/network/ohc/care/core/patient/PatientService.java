package network.ohc.care.core.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.PatientRegistered;
import network.ohc.care.bus.contracts.PatientUpdated;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.audit.AuditRecorder;
import network.ohc.care.core.audit.Outcome;
import network.ohc.care.core.common.Filters;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityService;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;

@ApplicationScoped
public class PatientService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PatientService.class);
    @Inject
    Access access;
    @Inject
    FacilityService facilities;
    @Inject
    SignalEmitter signals;
    @Inject
    AuditRecorder audit;

    @Transactional
    public Patient register(PatientDtos.RegisterPatient in) {
        Facility facility = Facility.findById(in.facilityId());
        if (facility == null || !access.can(in.facilityId(), Permission.READ)) {
            throw ProblemException.unprocessable("facilityId", "no such facility among yours");
        }
        access.require(in.facilityId(), Permission.REGISTER_PATIENT, "facility");
        if (!facility.active) {
            throw ProblemException.unprocessable("facilityId", "the facility is not active");
        }
        Patient p = new Patient();
        p.facilityId = facility.id;
        p.name = in.name().strip();
        p.sex = in.sex();
        p.phone = in.phone();
        p.address = in.address();
        setBirth(p, in.dateOfBirth(), in.age(), true);
        addIdentifiers(p, in.identifiers());
        p.persistAndFlush();
        signals.emit(new PatientRegistered(signals.envelope(PatientRegistered.class, "Patient", p.id, p.facilityId), p.id, p.name,
                p.sex, p.dateOfBirth, p.dateOfBirth == null ? p.ageYears : null));
        return p;
    }

    @Transactional
    public Patient update(UUID id, PatientDtos.UpdatePatient in) {
        Patient p = find(id, Permission.REGISTER_PATIENT);
        List<String> changed = new ArrayList<>();
        if (in.name() != null && !in.name().strip().equals(p.name)) {
            p.name = in.name().strip();
            changed.add("name");
        }
        if (in.sex() != null && in.sex() != p.sex) {
            p.sex = in.sex();
            changed.add("sex");
        }
        if (in.phone() != null && !in.phone().equals(p.phone)) {
            p.phone = in.phone();
            changed.add("phone");
        }
        if (in.address() != null && !in.address().equals(p.address)) {
            p.address = in.address();
            changed.add("address");
        }
        if (in.active() != null && in.active() != p.active) {
            p.active = in.active();
            changed.add("active");
        }
        if (in.dateOfBirth() != null || in.age() != null) {
            setBirth(p, in.dateOfBirth(), in.age(), false);
            changed.add(p.dateOfBirth != null ? "dateOfBirth" : "age");
        }
        if (in.identifiers() != null && !in.identifiers().isEmpty()) {
            addIdentifiers(p, in.identifiers());
            changed.add("identifiers");
        }
        if (!changed.isEmpty()) {
            p.persistAndFlush();
            signals.emit(new PatientUpdated(signals.envelope(PatientUpdated.class, "Patient", p.id, p.facilityId), p.id, changed));
        }
        return p;
    }

    /** The patient if the user may do {@code permission} at the patient's facility; 404 otherwise. */
    @Transactional
    public Patient find(UUID id, Permission permission) {
        Patient p = Patient.findById(id);
        if (p == null) {
            throw ProblemException.notFound("patient");
        }
        access.require(p.facilityId, permission, "patient");
        return p;
    }

    @Transactional
    public PageResult<Patient> list(UUID facilityId, String name, String phone, String identifierSystem, String identifierValue,
            Boolean active, Paging paging) {
        Filters filters = new Filters()
                .add("facilityId = :facility", "facility", facilityId)
                .add("lower(name) like :name escape '\\'", "name", name == null ? null : Filters.likePattern(name))
                .add("phone = :phone", "phone", phone)
                .add("active = :active", "active", active);
        if (identifierValue != null) {
            filters.always("exists (select 1 from PatientIdentifier i where i.patient = p and i.value = :ivalue"
                    + (identifierSystem == null ? "" : " and i.system = :isystem") + ")", "ivalue", identifierValue);
            if (identifierSystem != null) {
                filters.params().put("isystem", identifierSystem);
            }
        } else if (identifierSystem != null) {
            throw ProblemException.badRequest("identifierValue", "is required with identifierSystem");
        }
        if (!access.superuser()) {
            Set<UUID> mine = new HashSet<>(access.facilities());
            if (mine.isEmpty()) {
                mine.add(new UUID(0, 0));
            }
            filters.always("facilityId in :mine", "mine", mine);
        }
        return paging.apply(Patient.find("from Patient p where " + filters.query("p.name, p.id"), filters.params()));
    }

    private static void setBirth(Patient p, LocalDate dateOfBirth, Integer age, boolean required) {
        if (dateOfBirth != null && age != null) {
            throw ProblemException.badRequest("age", "give either dateOfBirth or age, not both");
        }
        if (dateOfBirth == null && age == null) {
            if (required) {
                throw ProblemException.badRequest("dateOfBirth", "dateOfBirth or age is required");
            }
            return;
        }
        if (dateOfBirth != null) {
            if (dateOfBirth.isBefore(LocalDate.now().minusYears(150))) {
                throw ProblemException.badRequest("dateOfBirth", "must be within the last 150 years");
            }
            p.dateOfBirth = dateOfBirth;
            p.ageYears = null;
            p.ageRecordedOn = null;
        } else {
            p.dateOfBirth = null;
            p.ageYears = age;
            p.ageRecordedOn = LocalDate.now();
        }
    }

    /**
     * Identifiers stay unique across facilities (a safety rule), but only a user who may read the owning facility
     * learns which identifier collided; anyone else gets a generic conflict, and the attempt is audited against the
     * owning patient and facility, so that facility's admins see it.
     */
    private ProblemException identifierTaken(int index, Patient owner) {
        if (access.can(owner.facilityId, Permission.READ)) {
            return ProblemException.conflict("identifiers[" + index + "]", "an identifier with this system and value belongs to another patient");
        }
        LOG.warnf("identifier conflict outside the user's facilities: user %s, owning facility %s", access.username(), owner.facilityId);
        audit.record("patient.identifier-conflict", "PATIENT", owner.id, owner.id, owner.facilityId, Outcome.CONFLICT, 409, null, null, true);
        return ProblemException.conflict("identifiers", "cannot be registered; ask an administrator if the patient is already known");
    }

    private void addIdentifiers(Patient p, List<PatientDtos.IdentifierInput> identifiers) {
        if (identifiers == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (PatientIdentifier existing : p.identifiers) {
            seen.add(existing.system + "\u0000" + existing.value);
        }
        for (int i = 0; i < identifiers.size(); i++) {
            PatientDtos.IdentifierInput in = identifiers.get(i);
            String system = in.system().strip();
            String value = in.value().strip();
            if (!seen.add(system + "\u0000" + value)) {
                continue;
            }
            PatientIdentifier taken = PatientIdentifier.find("system = ?1 and value = ?2", system, value).firstResult();
            if (taken != null) {
                throw identifierTaken(i, taken.patient);
            }
            PatientIdentifier id = new PatientIdentifier();
            id.patient = p;
            id.system = system;
            id.value = value;
            p.identifiers.add(id);
            if (p.id != null) {
                id.persist();
            }
        }
    }
}
