package network.ohc.care.core.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a Panache HQL where-clause from the filters a list request set. */
public final class Filters {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public Filters add(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    public Filters always(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
        return this;
    }

    public Filters always(String clause) {
        clauses.add(clause);
        return this;
    }

    public String query(String orderBy) {
        String where = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return where + " order by " + orderBy;
    }

    public Map<String, Object> params() {
        return params;
    }

    public static String likePattern(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
