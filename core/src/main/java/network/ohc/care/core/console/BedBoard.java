package network.ohc.care.core.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.encounter.Encounter;
import network.ohc.care.core.location.Location;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.Permission;

/**
 * Reads a facility's wards and beds for the console in a few queries (a 500-bed facility renders in one pass).
 * The caller has already passed the facility's READ check; occupants are named only to users the API would
 * show the patient to.
 */
@ApplicationScoped
public class BedBoard {
    @Inject
    Access access;

    @TemplateData
    public record Ward(String id, String name, int free, int occupied, int cleaning, int outOfService, List<Bed> beds) {
        public int total() {
            return beds.size();
        }
    }

    @TemplateData
    public record Bed(String id, String name, String place, String status, String statusLabel, String occupant,
            String encounterId) {
        public boolean free() {
            return "FREE".equals(status);
        }

        public boolean cleaning() {
            return "CLEANING".equals(status);
        }

        public boolean occupied() {
            return "OCCUPIED".equals(status);
        }
    }

    static final Comparator<String> NATURAL = BedBoard::compareNatural;

    /** Every ward with its beds sorted and occupants named (to those who may see them). */
    @Transactional
    public List<Ward> wards(UUID facilityId) {
        return read(facilityId, null, true, true);
    }

    /** Every ward with its counts; beds unsorted and without occupants (the facility page shows counts only). */
    @Transactional
    public List<Ward> summaries(UUID facilityId) {
        return read(facilityId, null, false, false);
    }

    /** Every ward with its beds sorted, without occupants: for the bed pickers. */
    @Transactional
    public List<Ward> bedsByWard(UUID facilityId) {
        return read(facilityId, null, false, true);
    }

    /** One ward's board. */
    @Transactional
    public Optional<Ward> ward(UUID facilityId, UUID wardId) {
        return read(facilityId, wardId, true, true).stream().findFirst();
    }

    private record Row(UUID id, UUID parentId, LocationKind kind, String name, BedStatus status) {
    }

    /**
     * One projection query for the facility's active locations (no managed entities: nothing to dirty-check at
     * commit), one for its occupants when asked.
     */
    private List<Ward> read(UUID facilityId, UUID onlyWard, boolean withOccupants, boolean sortBeds) {
        List<Row> all = Location.getEntityManager().createQuery(
                "select l.id, l.parentId, l.kind, l.name, l.bedStatus from Location l where l.facilityId = :f and l.active = true",
                Object[].class).setParameter("f", facilityId).getResultList().stream()
                .map(r -> new Row((UUID) r[0], (UUID) r[1], (LocationKind) r[2], (String) r[3], (BedStatus) r[4])).toList();
        Map<UUID, Row> byId = new HashMap<>();
        for (Row l : all) {
            byId.put(l.id(), l);
        }
        boolean seeOccupant = withOccupants && access.can(facilityId, Permission.READ);
        Map<UUID, String[]> occupants = seeOccupant ? occupants(facilityId) : Map.of();
        Map<UUID, List<Bed>> bedsByWard = new LinkedHashMap<>();
        for (Row l : all) {
            if (l.kind() != LocationKind.BED) {
                continue;
            }
            Row parent = byId.get(l.parentId());
            if (parent == null) {
                continue;
            }
            UUID wardId = parent.kind() == LocationKind.WARD ? parent.id() : parent.parentId();
            if (onlyWard != null && !onlyWard.equals(wardId)) {
                continue;
            }
            String place = parent.kind() == LocationKind.ROOM ? parent.name() : "";
            String[] occ = occupants.get(l.id());
            bedsByWard.computeIfAbsent(wardId, k -> new ArrayList<>()).add(new Bed(l.id().toString(), l.name(), place,
                    l.status().name(), label(l.status()), occ == null ? null : occ[0], occ == null ? null : occ[1]));
        }
        List<Ward> wards = new ArrayList<>();
        for (Row l : all) {
            if (l.kind() != LocationKind.WARD || (onlyWard != null && !onlyWard.equals(l.id()))) {
                continue;
            }
            List<Bed> beds = bedsByWard.getOrDefault(l.id(), new ArrayList<>());
            if (sortBeds) {
                beds.sort(Comparator.comparing(Bed::place, NATURAL).thenComparing(Bed::name, NATURAL));
            }
            wards.add(new Ward(l.id().toString(), l.name(), count(beds, BedStatus.FREE), count(beds, BedStatus.OCCUPIED),
                    count(beds, BedStatus.CLEANING), count(beds, BedStatus.OUT_OF_SERVICE), beds));
        }
        wards.sort(Comparator.comparing(Ward::name, NATURAL));
        return wards;
    }

    public static String label(BedStatus status) {
        return switch (status) {
            case FREE -> "Free";
            case OCCUPIED -> "Occupied";
            case CLEANING -> "Cleaning";
            case OUT_OF_SERVICE -> "Out of service";
        };
    }

    /** bed id -> [patient name, encounter id] for the beds with a patient in them. */
    private static Map<UUID, String[]> occupants(UUID facilityId) {
        List<Object[]> rows = Encounter.getEntityManager().createQuery(
                "select e.currentBedId, p.name, e.id from Encounter e, Patient p where p.id = e.patientId "
                        + "and e.facilityId = :f and e.currentBedId is not null", Object[].class)
                .setParameter("f", facilityId).getResultList();
        Map<UUID, String[]> map = new HashMap<>();
        for (Object[] r : rows) {
            map.put((UUID) r[0], new String[] {(String) r[1], r[2].toString()});
        }
        return map;
    }

    private static int count(List<Bed> beds, BedStatus status) {
        int n = 0;
        for (Bed b : beds) {
            if (b.status().equals(status.name())) {
                n++;
            }
        }
        return n;
    }

    /** "Bed 2" before "Bed 10". */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                // Leading zeros do not count: compare the digits left after them, shorter number first.
                while (si < i - 1 && a.charAt(si) == '0') {
                    si++;
                }
                while (sj < j - 1 && b.charAt(sj) == '0') {
                    sj++;
                }
                int c = Integer.compare(i - si, j - sj);
                for (int k = 0; c == 0 && k < i - si; k++) {
                    c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                }
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

}
