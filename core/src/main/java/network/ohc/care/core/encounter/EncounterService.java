package network.ohc.care.core.encounter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.EncounterCancelled;
import network.ohc.care.bus.contracts.EncounterClass;
import network.ohc.care.bus.contracts.EncounterCompleted;
import network.ohc.care.bus.contracts.EncounterStarted;
import network.ohc.care.bus.contracts.EncounterStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.bus.contracts.PatientAdmitted;
import network.ohc.care.bus.contracts.PatientTransferred;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.common.Clock;
import network.ohc.care.core.common.Filters;
import network.ohc.care.core.common.PageResult;
import network.ohc.care.core.common.Paging;
import network.ohc.care.core.location.Location;
import network.ohc.care.core.patient.Patient;
import network.ohc.care.core.patient.PatientService;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;

/**
 * Encounter lifecycle and bed occupancy. Every change locks the encounter row, then the beds involved in id
 * order, so concurrent admissions to one bed serialise and the loser sees the bed taken; the partial unique
 * indexes on open bed stays are the database's own guarantee underneath.
 */
@ApplicationScoped
public class EncounterService {
    private static final String AGGREGATE = "Encounter";

    @Inject
    Access access;
    @Inject
    PatientService patients;
    @Inject
    SignalEmitter signals;

    @Transactional
    public Encounter create(EncounterDtos.CreateEncounter in) {
        Patient patient;
        try {
            patient = patients.find(in.patientId(), Permission.READ);
        } catch (ProblemException e) {
            throw e.status() == 404 ? ProblemException.unprocessable("patientId", "no such patient among yours") : e;
        }
        access.require(patient.facilityId, Permission.CARE, "patient");
        if (!patient.active) {
            throw ProblemException.unprocessable("patientId", "the patient record is not active");
        }
        EncounterStatus status = in.status() == null ? EncounterStatus.PLANNED : in.status();
        if (status != EncounterStatus.PLANNED && status != EncounterStatus.IN_PROGRESS) {
            throw ProblemException.unprocessable("status", "a new encounter is PLANNED or IN_PROGRESS");
        }
        Encounter e = new Encounter();
        e.patientId = patient.id;
        e.facilityId = patient.facilityId;
        e.encounterClass = in.encounterClass();
        e.status = EncounterStatus.PLANNED;
        e.persistAndFlush();
        if (status == EncounterStatus.IN_PROGRESS) {
            start(e);
        }
        return e;
    }

    @Transactional
    public Encounter start(UUID id) {
        Encounter e = lock(id, Permission.CARE);
        if (e.status != EncounterStatus.PLANNED) {
            throw ProblemException.conflict("status", "only a PLANNED encounter can be started (it is " + e.status + ")");
        }
        start(e);
        return e;
    }

    private void start(Encounter e) {
        e.status = EncounterStatus.IN_PROGRESS;
        e.startedAt = Clock.now();
        e.persistAndFlush();
        signals.emit(new EncounterStarted(signals.envelope(EncounterStarted.class, AGGREGATE, e.id, e.facilityId), e.id, e.patientId,
                e.encounterClass, e.startedAt));
    }

    @Transactional
    public Encounter admit(UUID id, UUID bedId) {
        Encounter e = lock(id, Permission.CARE);
        if (e.encounterClass == EncounterClass.OUTPATIENT) {
            throw ProblemException.unprocessable("encounterClass", "an outpatient encounter is not admitted to a bed");
        }
        if (e.status == EncounterStatus.PLANNED) {
            start(e);
        } else if (e.status != EncounterStatus.IN_PROGRESS) {
            throw ProblemException.conflict("status", "the encounter is " + e.status);
        }
        if (e.currentBedId != null) {
            throw ProblemException.conflict("bedId", "the patient already has a bed; use transfer");
        }
        Location bed = lockFreeBed(e.facilityId, bedId);
        Instant now = Clock.now();
        openStay(e, bed, "ADMISSION", now);
        UUID ward = bed.wardId();
        signals.emit(new PatientAdmitted(signals.envelope(PatientAdmitted.class, AGGREGATE, e.id, e.facilityId), e.id, e.patientId,
                bed.id, ward, now));
        return e;
    }

    @Transactional
    public Encounter transfer(UUID id, UUID bedId) {
        Encounter e = lock(id, Permission.CARE);
        if (e.status != EncounterStatus.IN_PROGRESS || e.currentBedId == null) {
            throw ProblemException.conflict("status", "only an admitted, in-progress encounter can be transferred");
        }
        if (e.currentBedId.equals(bedId)) {
            throw ProblemException.unprocessable("bedId", "the patient is already in this bed");
        }
        UUID fromId = e.currentBedId;
        // Lock both beds in id order so two transfers between the same beds cannot deadlock.
        Location from;
        Location to;
        if (fromId.compareTo(bedId) < 0) {
            from = Location.findById(fromId, LockModeType.PESSIMISTIC_WRITE);
            to = lockFreeBed(e.facilityId, bedId);
        } else {
            to = lockFreeBed(e.facilityId, bedId);
            from = Location.findById(fromId, LockModeType.PESSIMISTIC_WRITE);
        }
        Instant now = Clock.now();
        closeStay(e, from, BedStatus.CLEANING, now);
        openStay(e, to, "TRANSFER", now);
        signals.emit(new PatientTransferred(signals.envelope(PatientTransferred.class, AGGREGATE, e.id, e.facilityId), e.id,
                e.patientId, from.id, from.wardId(), to.id, to.wardId(), now));
        return e;
    }

    @Transactional
    public Encounter discharge(UUID id, EncounterDtos.Discharge in) {
        Encounter e = lock(id, Permission.DISCHARGE);
        if (e.status != EncounterStatus.IN_PROGRESS) {
            throw ProblemException.conflict("status", "only an IN_PROGRESS encounter can be discharged (it is " + e.status + ")");
        }
        Instant now = Clock.now();
        UUID bedId = null;
        UUID wardId = null;
        if (e.currentBedId != null) {
            Location bed = Location.findById(e.currentBedId, LockModeType.PESSIMISTIC_WRITE);
            bedId = bed.id;
            wardId = bed.wardId();
            closeStay(e, bed, BedStatus.CLEANING, now);
        }
        e.status = EncounterStatus.COMPLETED;
        e.endedAt = now;
        e.disposition = in.disposition();
        e.dischargeNotes = in.notes();
        e.persistAndFlush();
        signals.emit(new EncounterCompleted(signals.envelope(EncounterCompleted.class, AGGREGATE, e.id, e.facilityId), e.id,
                e.patientId, bedId, wardId, e.disposition, now));
        return e;
    }

    @Transactional
    public Encounter cancel(UUID id, EncounterDtos.Cancel in) {
        Encounter e = lock(id, Permission.CARE);
        if (e.status != EncounterStatus.PLANNED && e.status != EncounterStatus.IN_PROGRESS) {
            throw ProblemException.conflict("status", "the encounter is already " + e.status);
        }
        Instant now = Clock.now();
        if (e.currentBedId != null) {
            // Entered in error: the bed was never really used, so it is free again at once.
            closeStay(e, Location.findById(e.currentBedId, LockModeType.PESSIMISTIC_WRITE), BedStatus.FREE, now);
        }
        e.status = EncounterStatus.CANCELLED;
        e.endedAt = now;
        e.cancelReason = in == null ? null : in.reason();
        e.persistAndFlush();
        signals.emit(new EncounterCancelled(signals.envelope(EncounterCancelled.class, AGGREGATE, e.id, e.facilityId), e.id,
                e.patientId, e.cancelReason, now));
        return e;
    }

    @Transactional
    public Encounter get(UUID id) {
        Encounter e = Encounter.findById(id);
        if (e == null) {
            throw ProblemException.notFound("encounter");
        }
        access.require(e.facilityId, Permission.READ, "encounter");
        return e;
    }

    @Transactional
    public List<BedAssignment> bedHistory(UUID id) {
        Encounter e = get(id);
        return BedAssignment.list("encounterId = ?1 order by startedAt, id", e.id);
    }

    @Transactional
    public PageResult<Encounter> list(UUID facilityId, UUID patientId, EncounterStatus status, EncounterClass encounterClass,
            UUID bedId, Paging paging) {
        Filters filters = new Filters()
                .add("facilityId = :facility", "facility", facilityId)
                .add("patientId = :patient", "patient", patientId)
                .add("status = :status", "status", status)
                .add("encounterClass = :cls", "cls", encounterClass)
                .add("currentBedId = :bed", "bed", bedId);
        if (!access.superuser()) {
            Set<UUID> mine = new HashSet<>(access.facilities());
            if (mine.isEmpty()) {
                mine.add(new UUID(0, 0));
            }
            filters.always("facilityId in :mine", "mine", mine);
        }
        return paging.apply(Encounter.find(filters.query("createdAt desc, id"), filters.params()));
    }

    private Encounter lock(UUID id, Permission permission) {
        Encounter e = Encounter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("encounter");
        }
        access.require(e.facilityId, permission, "encounter");
        return e;
    }

    private static Location lockFreeBed(UUID facilityId, UUID bedId) {
        Location bed = Location.findById(bedId, LockModeType.PESSIMISTIC_WRITE);
        if (bed == null || !bed.facilityId.equals(facilityId)) {
            throw ProblemException.unprocessable("bedId", "no such bed in this facility");
        }
        if (bed.kind != LocationKind.BED) {
            throw ProblemException.unprocessable("bedId", "this location is a " + bed.kind.name().toLowerCase() + ", not a bed");
        }
        if (!bed.active) {
            throw ProblemException.unprocessable("bedId", "the bed is not in use");
        }
        if (bed.bedStatus != BedStatus.FREE) {
            throw ProblemException.conflict("bedId", "the bed is " + bed.bedStatus.name().toLowerCase().replace('_', ' '));
        }
        return bed;
    }

    private void openStay(Encounter e, Location bed, String reason, Instant now) {
        BedAssignment stay = new BedAssignment();
        stay.encounterId = e.id;
        stay.facilityId = e.facilityId;
        stay.bedId = bed.id;
        stay.reason = reason;
        stay.startedAt = now;
        stay.persist();
        e.currentBedId = bed.id;
        e.persist();
        setBedStatus(bed, BedStatus.OCCUPIED, e.id);
        Encounter.flush();
    }

    private void closeStay(Encounter e, Location bed, BedStatus after, Instant now) {
        BedAssignment stay = BedAssignment.find("encounterId = ?1 and endedAt is null", e.id).firstResult();
        if (stay != null) {
            stay.endedAt = now;
            stay.persist();
        }
        e.currentBedId = null;
        e.persist();
        setBedStatus(bed, after, e.id);
        Encounter.flush();
    }

    private void setBedStatus(Location bed, BedStatus status, UUID encounterId) {
        BedStatus previous = bed.bedStatus;
        bed.bedStatus = status;
        bed.persist();
        signals.emit(new BedStatusChanged(signals.envelope(BedStatusChanged.class, "Location", bed.id, bed.facilityId), bed.id,
                bed.wardId(), previous, status, encounterId));
    }
}
