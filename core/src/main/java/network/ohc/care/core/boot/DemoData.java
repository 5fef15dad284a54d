package network.ohc.care.core.boot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.bus.contracts.PatientRegistered;
import network.ohc.care.bus.contracts.Sex;
import network.ohc.care.bus.contracts.StaffRoleGranted;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.facility.FacilityKind;
import network.ohc.care.core.location.Location;
import network.ohc.care.core.patient.Patient;
import network.ohc.care.core.patient.PatientIdentifier;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.FacilityRoleGrant;
import network.ohc.care.core.staff.StaffUser;
import network.ohc.care.core.staff.UserService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds a demo facility (two wards with rooms and beds), a doctor and a nurse, and a few patients, once, into an
 * empty database. Enabled by {@code care.demo-data.enabled=true} ({@code ./care run} does).
 * The demo staff share one random password, printed once.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "care.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    UserService users;
    @Inject
    SignalEmitter signals;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!enabled) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
    }

    void seedIfEmpty() {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('care.bootstrap'))").getSingleResult();
        if (Facility.count() > 0) {
            return;
        }
        Facility f = new Facility();
        f.name = "Demo District Hospital";
        f.kind = FacilityKind.HOSPITAL;
        f.address = "1 Hospital Road";
        f.district = "Ernakulam";
        f.state = "Kerala";
        f.persistAndFlush();
        signals.emit(new FacilityCreated(signals.envelope(FacilityCreated.class, "Facility", f.id, f.id), f.id, f.name, f.kind.name(),
                f.district, f.state, true));

        Location general = location(f.id, null, LocationKind.WARD, "General Ward");
        for (int r = 1; r <= 2; r++) {
            Location room = location(f.id, general.id, LocationKind.ROOM, "Room " + r);
            for (int b = 1; b <= 4; b++) {
                location(f.id, room.id, LocationKind.BED, "G" + r + "-" + b);
            }
        }
        Location icu = location(f.id, null, LocationKind.WARD, "ICU");
        for (int b = 1; b <= 4; b++) {
            location(f.id, icu.id, LocationKind.BED, "ICU-" + b);
        }

        String demoPassword = AdminBootstrap.randomPassword(16);
        grant(users.createUnchecked("demo.doctor", demoPassword, "Dr. Asha Menon", false), f.id, FacilityRole.DOCTOR);
        grant(users.createUnchecked("demo.nurse", demoPassword, "Ravi Kumar", false), f.id, FacilityRole.NURSE);
        grant(users.createUnchecked("demo.clerk", demoPassword, "Meera Nair", false), f.id, FacilityRole.STAFF);
        StaffUser admin = StaffUser.findByUsername(AdminBootstrap.ADMIN).orElse(null);
        if (admin != null) {
            grant(admin, f.id, FacilityRole.ADMIN);
        }

        patient(f.id, "Lakshmi Pillai", LocalDate.of(1958, 3, 14), null, Sex.FEMALE, "DEMO-0001");
        patient(f.id, "Joseph Varghese", null, 42, Sex.MALE, "DEMO-0002");
        patient(f.id, "Fathima Rahman", LocalDate.of(1990, 11, 2), null, Sex.FEMALE, "DEMO-0003");
        patient(f.id, "Arjun Das", LocalDate.of(2015, 6, 30), null, Sex.MALE, "DEMO-0004");

        System.out.println("Demo data: 'Demo District Hospital' with 2 wards and 12 beds, 4 patients, staff demo.doctor, "
                + "demo.nurse, demo.clerk with password: " + demoPassword + " (shown once)");
        LOG.info("Demo data created");
    }

    private Location location(UUID facilityId, UUID parentId, LocationKind kind, String name) {
        Location l = new Location();
        l.facilityId = facilityId;
        l.parentId = parentId;
        l.kind = kind;
        l.name = name;
        l.bedStatus = kind == LocationKind.BED ? BedStatus.FREE : null;
        l.persistAndFlush();
        signals.emit(new LocationCreated(signals.envelope(LocationCreated.class, "Location", l.id, facilityId), l.id, parentId, kind,
                name, l.bedStatus));
        return l;
    }

    private void grant(StaffUser user, UUID facilityId, FacilityRole role) {
        FacilityRoleGrant g = new FacilityRoleGrant();
        g.userId = user.id;
        g.facilityId = facilityId;
        g.role = role;
        g.persistAndFlush();
        signals.emit(new StaffRoleGranted(signals.envelope(StaffRoleGranted.class, "StaffUser", user.id, facilityId), user.id,
                user.username, role));
    }

    private void patient(UUID facilityId, String name, LocalDate dob, Integer age, Sex sex, String mrn) {
        Patient p = new Patient();
        p.facilityId = facilityId;
        p.name = name;
        p.dateOfBirth = dob;
        p.ageYears = age;
        p.ageRecordedOn = age == null ? null : LocalDate.now();
        p.sex = sex;
        PatientIdentifier id = new PatientIdentifier();
        id.patient = p;
        id.system = "urn:care:demo:mrn";
        id.value = mrn;
        p.identifiers = new java.util.ArrayList<>(List.of(id));
        p.persistAndFlush();
        signals.emit(new PatientRegistered(signals.envelope(PatientRegistered.class, "Patient", p.id, facilityId), p.id, name, sex,
                dob, age));
    }
}
