package network.ohc.care.plug.test;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The access matrix of a running Care, from its own OpenAPI document: every operation under {@code /api/} must have a
 * row, and each row is tried as the superuser, as every facility role of the facility the request is about ("own"),
 * as every role of another facility, and without a token. Any unexpected 2xx fails, and so does a refusal where the
 * row grants access, or a 5xx anywhere. Plug tests add rows for their own operations; operations of other plugs in
 * the same build are allowed to be left to those plugs' tests with {@link #onlyUnder}.
 *
 * <pre>{@code
 * AccessMatrix m = new AccessMatrix().onlyUnder("/api/v1/plugs/census/");
 * m.facility("GET /api/v1/plugs/census/facilities/{facilityId}", AccessMatrix.ALL_ROLES, t -> as(t).get(...));
 * m.assertHolds(fixture);
 * }</pre>
 */
public final class AccessMatrix {
    /** The facility roles of core. */
    public static final List<String> ROLES = List.of("ADMIN", "DOCTOR", "NURSE", "STAFF");
    public static final Set<String> ALL_ROLES = Set.copyOf(ROLES);

    /** Who may do an operation. */
    public enum Scope {
        /** Without a token (login): not tried. */
        PUBLIC,
        /** Anyone signed in. */
        SIGNED_IN,
        /** Superusers only. */
        SUPERUSER,
        /** The superuser and the listed roles of the facility the request is about. */
        FACILITY,
        /** The superuser and an ADMIN of any facility (creating users, to then grant them roles). */
        ADMIN_ANYWHERE
    }

    /**
     * The tokens a matrix runs with: superuser, each role of facility "own", each role of facility "other", and bad
     * tokens made from the superuser's (garbage, alg none, a changed payload, expired), each of which must get a 401.
     */
    public record Principals(String superuser, Map<String, String> own, Map<String, String> other, Map<String, String> badTokens) {
        /** Creates two facilities and a user per role in each. */
        public static Principals create(String ownFacility, String otherFacility) {
            Map<String, String> own = new LinkedHashMap<>();
            Map<String, String> other = new LinkedHashMap<>();
            for (String role : ROLES) {
                own.put(role, CareHarness.staff(ownFacility, role));
                other.put(role, CareHarness.staff(otherFacility, role));
            }
            String superuser = CareHarness.admin();
            return new Principals(superuser, own, other, BadTokens.from(superuser));
        }
    }

    /** One operation: "METHOD /path/{template}" as the OpenAPI document writes it, who may, and a fresh request. */
    public record Row(String operation, Scope scope, Set<String> roles, Function<String, Response> call) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private String prefix = "/api/";

    /** Only operations whose path starts with {@code pathPrefix} need a row (a plug's own matrix). */
    public AccessMatrix onlyUnder(String pathPrefix) {
        this.prefix = pathPrefix;
        return this;
    }

    public AccessMatrix publicOp(String operation) {
        return add(new Row(operation, Scope.PUBLIC, Set.of(), null));
    }

    public AccessMatrix signedIn(String operation, Function<String, Response> call) {
        return add(new Row(operation, Scope.SIGNED_IN, ALL_ROLES, call));
    }

    public AccessMatrix superuser(String operation, Function<String, Response> call) {
        return add(new Row(operation, Scope.SUPERUSER, Set.of(), call));
    }

    public AccessMatrix adminAnywhere(String operation, Function<String, Response> call) {
        return add(new Row(operation, Scope.ADMIN_ANYWHERE, Set.of("ADMIN"), call));
    }

    /** {@code call} must build fresh data of the "own" facility on each call (as the superuser) and act on it. */
    public AccessMatrix facility(String operation, Set<String> roles, Function<String, Response> call) {
        return add(new Row(operation, Scope.FACILITY, Set.copyOf(roles), call));
    }

    private AccessMatrix add(Row row) {
        if (rows.putIfAbsent(row.operation(), row) != null) {
            throw new IllegalArgumentException("two rows for " + row.operation());
        }
        return this;
    }

    /** Every operation of the OpenAPI document under the prefix, as "METHOD /path". */
    public Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        Set<String> out = new TreeSet<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith(prefix)) {
                for (String method : methods.keySet()) {
                    if (Set.of("get", "put", "post", "patch", "delete", "head", "options").contains(method)) {
                        out.add(method.toUpperCase() + " " + path);
                    }
                }
            }
        });
        return out;
    }

    /** Fails listing every operation without a row, every row without an operation, and every cell that does not hold. */
    public void assertHolds(Principals who) {
        List<String> failures = new ArrayList<>();
        Set<String> documented = documentedOperations();
        for (String op : documented) {
            if (!rows.containsKey(op)) {
                failures.add(op + ": no row in the access matrix (add one saying who may)");
            }
        }
        for (String op : rows.keySet()) {
            if (!documented.contains(op)) {
                failures.add(op + ": a row for an operation the OpenAPI document does not have");
            }
        }
        for (Row row : rows.values()) {
            if (row.scope() == Scope.PUBLIC || !documented.contains(row.operation())) {
                continue;
            }
            check(row, "no token", null, false, failures);
            for (Map.Entry<String, String> bad : who.badTokens().entrySet()) {
                check(row, bad.getKey() + " token", bad.getValue(), false, failures);
            }
            for (String role : ROLES) {
                boolean own = row.scope() == Scope.SIGNED_IN || row.scope() != Scope.SUPERUSER && row.roles().contains(role);
                boolean other = row.scope() == Scope.SIGNED_IN || row.scope() == Scope.ADMIN_ANYWHERE && row.roles().contains(role);
                check(row, role + " of own facility", who.own().get(role), own, failures);
                check(row, role + " of other facility", who.other().get(role), other, failures);
            }
            // Last: a superuser's call may use up what the refused calls were tried on (a dead letter to discard).
            check(row, "superuser", who.superuser(), true, failures);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " access matrix failure(s):\n" + String.join("\n", failures));
        }
    }

    private static void check(Row row, String as, String token, boolean allowed, List<String> failures) {
        Response r = row.call().apply(token);
        int status = r.statusCode();
        String cell = row.operation() + " as " + as + ": ";
        if (status >= 500) {
            failures.add(cell + "server error " + status + " " + r.body().asString());
        } else if (allowed && (status < 200 || status > 299)) {
            failures.add(cell + "expected access, got " + status + " " + r.body().asString());
        } else if (!allowed && status >= 200 && status <= 299) {
            failures.add(cell + "UNEXPECTED ACCESS " + status);
        } else if (!allowed && (token == null || as.endsWith(" token"))) {
            if (status != 401) { // no token, or one that is not valid: not signed in at all
                failures.add(cell + "expected 401, got " + status);
            }
        } else if (!allowed && status != 403 && status != 404 && status != 422) {
            // 422: a body naming another facility's record ("no such patient among yours").
            failures.add(cell + "expected 403, 404 or 422, got " + status + " " + r.body().asString());
        }
    }

    /** A JSON request with {@code token}, or without one when it is null. */
    public static io.restassured.specification.RequestSpecification as(String token) {
        var spec = given().contentType(io.restassured.http.ContentType.JSON).accept(io.restassured.http.ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

}
