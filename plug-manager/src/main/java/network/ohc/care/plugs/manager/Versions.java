package network.ohc.care.plugs.manager;

import java.util.ArrayList;
import java.util.List;

/** Version order and Maven-style ranges ({@code [1.0,2)}, {@code (,1.5]}, or {@code 1.2} meaning at least 1.2). */
public final class Versions {
    private Versions() {
    }

    /** Compares dotted versions numerically; a qualifier (-SNAPSHOT, -rc1) ranks below the bare version. */
    public static int compare(String a, String b) {
        String[] qa = a.split("-", 2);
        String[] qb = b.split("-", 2);
        List<Integer> na = numbers(qa[0]);
        List<Integer> nb = numbers(qb[0]);
        for (int i = 0; i < Math.max(na.size(), nb.size()); i++) {
            int x = i < na.size() ? na.get(i) : 0;
            int y = i < nb.size() ? nb.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        boolean ha = qa.length > 1;
        boolean hb = qb.length > 1;
        if (ha != hb) {
            return ha ? -1 : 1;
        }
        return ha ? qa[1].compareTo(qb[1]) : 0;
    }

    private static List<Integer> numbers(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split("\\.")) {
            try {
                out.add(Integer.parseInt(p.replaceAll("\\D.*", "").isEmpty() ? "0" : p.replaceAll("\\D.*", "")));
            } catch (NumberFormatException e) {
                out.add(0);
            }
        }
        return out;
    }

    /** Whether {@code version} is in {@code range}; qualifiers are ignored so 1.0.0-SNAPSHOT satisfies [1.0,2). */
    public static boolean inRange(String version, String range) {
        String v = version.split("-", 2)[0];
        String r = range.strip();
        if (r.isEmpty()) {
            return true;
        }
        if (!r.startsWith("[") && !r.startsWith("(")) {
            return compare(v, r) >= 0;
        }
        boolean lowInclusive = r.startsWith("[");
        boolean highInclusive = r.endsWith("]");
        String body = r.substring(1, r.length() - 1);
        String[] ends = body.split(",", -1);
        if (ends.length == 1) {
            return compare(v, ends[0].strip()) == 0;
        }
        String low = ends[0].strip();
        String high = ends[1].strip();
        if (!low.isEmpty()) {
            int c = compare(v, low);
            if (c < 0 || (c == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (!high.isEmpty()) {
            int c = compare(v, high);
            return c < 0 || (c == 0 && highInclusive);
        }
        return true;
    }

    public static boolean validRange(String range) {
        String r = range.strip();
        if (r.isEmpty() || r.matches("[0-9][0-9A-Za-z.-]*")) {
            return true;
        }
        return r.matches("[\\[(]\\s*[0-9A-Za-z.-]*\\s*(,\\s*[0-9A-Za-z.-]*\\s*)?[\\])]") && (r.contains(",") || r.startsWith("["));
    }
}
