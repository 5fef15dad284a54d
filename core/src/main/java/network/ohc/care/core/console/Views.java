package network.ohc.care.core.console;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import network.ohc.care.core.encounter.Encounter;
import network.ohc.care.core.facility.Facility;
import network.ohc.care.core.patient.Patient;

/** Read-only shapes the templates show (records with generated resolvers: no reflection at run time). */
final class Views {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Views() {
    }

    static String when(Instant i) {
        return i == null ? "" : WHEN.format(i);
    }

    static String label(Enum<?> e) {
        if (e == null) {
            return "";
        }
        String s = e.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @TemplateData
    record FacilityRow(String id, String name, String kind, String district, String state, boolean active) {
        static FacilityRow of(Facility f) {
            return new FacilityRow(f.id.toString(), f.name, label(f.kind), f.district == null ? "" : f.district,
                    f.state == null ? "" : f.state, f.active);
        }
    }

    @TemplateData
    record PatientRow(String id, String name, String sex, String age, String phone, String identifiers, boolean active) {
        static PatientRow of(Patient p) {
            Integer age = p.age(LocalDate.now());
            return new PatientRow(p.id.toString(), p.name, label(p.sex), age == null ? "" : age.toString(),
                    p.phone == null ? "" : p.phone,
                    p.identifiers.stream().map(i -> i.system + " " + i.value).collect(Collectors.joining(", ")), p.active);
        }
    }

    @TemplateData
    record EncounterRow(String id, String encounterClass, String status, String statusCode, String started, String ended,
            String bed) {
        static EncounterRow of(Encounter e, String bedName) {
            return new EncounterRow(e.id.toString(), label(e.encounterClass), label(e.status), e.status.name(), when(e.startedAt),
                    when(e.endedAt), bedName == null ? "" : bedName);
        }
    }

    @TemplateData
    record Option(String value, String label, boolean selected) {
    }
}
