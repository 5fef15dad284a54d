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

    @Transactional
    public List<Ward> wards(UUID facilityId) {
        List<Location> all = Location.list("facilityId = ?1 and active = true", facilityId);
        Map<UUID, Location> byId = new HashMap<>();
        for (Location l : all) {
            byId.put(l.id, l);
        }
        boolean seeOccupant = access.can(facilityId, Permission.READ);
        Map<UUID, String[]> occupants = seeOccupant ? occupants(facilityId) : Map.of();
        Map<UUID, List<Bed>> bedsByWard = new LinkedHashMap<>();
        for (Location l : all) {
            if (l.kind != LocationKind.BED) {
                continue;
            }
            Location parent = byId.get(l.parentId);
            if (parent == null) {
                continue;
            }
            UUID wardId = parent.kind == LocationKind.WARD ? parent.id : parent.parentId;
            String place = parent.kind == LocationKind.ROOM ? parent.name : "";
            String[] occ = occupants.get(l.id);
            bedsByWard.computeIfAbsent(wardId, k -> new ArrayList<>()).add(new Bed(l.id.toString(), l.name, place,
                    l.bedStatus.name(), label(l.bedStatus), occ == null ? null : occ[0], occ == null ? null : occ[1]));
        }
        List<Ward> wards = new ArrayList<>();
        for (Location l : all) {
            if (l.kind != LocationKind.WARD) {
                continue;
            }
            List<Bed> beds = bedsByWard.getOrDefault(l.id, new ArrayList<>());
            beds.sort(Comparator.comparing(Bed::place, NATURAL).thenComparing(Bed::name, NATURAL));
            wards.add(new Ward(l.id.toString(), l.name, count(beds, BedStatus.FREE), count(beds, BedStatus.OCCUPIED),
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
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
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
