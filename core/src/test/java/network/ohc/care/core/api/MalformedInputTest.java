package network.ohc.care.core.api;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint that takes a body answers bad input with a 4xx problem+json naming the field, never a 5xx. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
    record Endpoint(String method, String path) {
    }

    List<Endpoint> endpoints = new ArrayList<>();
    String facility;
    String patient;

    private boolean ready;

    /** Once per class, but after Quarkus has told RestAssured its port (not yet known in @BeforeAll). */
    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        ready = true;
        facility = TestApi.facility();
        String ward = TestApi.location(facility, "WARD", TestApi.unique("W"), null);
        patient = TestApi.patient(facility);
        String enc = TestApi.encounter(patient, "INPATIENT", "IN_PROGRESS");
        String userId = as(admin()).get("/api/v1/auth/me").then().extract().path("id");
        endpoints = List.of(
                new Endpoint("POST", "/api/v1/auth/login"),
                new Endpoint("POST", "/api/v1/facilities"),
                new Endpoint("PATCH", "/api/v1/facilities/" + facility),
                new Endpoint("POST", "/api/v1/facilities/" + facility + "/locations"),
                new Endpoint("PATCH", "/api/v1/facilities/" + facility + "/locations/" + ward),
                new Endpoint("POST", "/api/v1/facilities/" + facility + "/staff"),
                new Endpoint("POST", "/api/v1/users"),
                new Endpoint("PATCH", "/api/v1/users/" + userId),
                new Endpoint("POST", "/api/v1/patients"),
                new Endpoint("PATCH", "/api/v1/patients/" + patient),
                new Endpoint("POST", "/api/v1/encounters"),
                new Endpoint("POST", "/api/v1/encounters/" + enc + "/admit"),
                new Endpoint("POST", "/api/v1/encounters/" + enc + "/transfer"),
                new Endpoint("POST", "/api/v1/encounters/" + enc + "/discharge"),
                new Endpoint("POST", "/api/v1/encounters/" + enc + "/cancel"),
                new Endpoint("POST", "/api/v1/bus/subscriptions/test-recorder/replay"));
    }

    private Response send(Endpoint e, String contentType, String body) {
        var spec = RestAssured.given().header("Authorization", "Bearer " + admin()).contentType(contentType).body(body);
        return e.method().equals("POST") ? spec.post(e.path()) : spec.patch(e.path());
    }

    private void expectProblem(String what, Response r, int status, String field, List<String> failures) {
        String ct = r.contentType();
        if (r.statusCode() != status || ct == null || !ct.startsWith("application/problem+json")) {
            failures.add(what + ": expected " + status + " problem+json, got " + r.statusCode() + " " + ct + " " + r.body().asString());
            return;
        }
        if (field != null) {
            List<String> fields = r.jsonPath().getList("errors.field");
            if (fields == null || !fields.contains(field)) {
                failures.add(what + ": expected field '" + field + "' in errors, got " + r.body().asString());
            }
        }
    }

    @Test
    void malformedBodiesOnEveryEndpoint() {
        List<String> failures = new ArrayList<>();
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        for (Endpoint e : endpoints) {
            String at = e.method() + " " + e.path();
            expectProblem("broken JSON " + at, send(e, "application/json", "{\"name\": "), 400, "body", failures);
            expectProblem("array body " + at, send(e, "application/json", "[1,2]"), 400, "body", failures);
            expectProblem("trailing garbage " + at, send(e, "application/json", "{} {}"), 400, "body", failures);
            expectProblem("unknown field " + at, send(e, "application/json", "{\"surprise\": 1}"), 400, "surprise", failures);
            expectProblem("oversize " + at, send(e, "application/json", huge), 413, null, failures);
            expectProblem("wrong content type " + at, send(e, "text/plain", "hello"), 415, null, failures);
            expectProblem("duplicate key " + at, send(e, "application/json", "{\"name\":\"a\",\"name\":\"b\"}"), 400, "body", failures);
            Response nested = send(e, "application/json", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
            if (nested.statusCode() < 400 || nested.statusCode() >= 500) {
                failures.add("deep nesting " + at + ": got " + nested.statusCode());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void wrongTypesNameTheField() {
        List<String> failures = new ArrayList<>();
        Endpoint facilities = new Endpoint("POST", "/api/v1/facilities");
        Endpoint patients = new Endpoint("POST", "/api/v1/patients");
        expectProblem("number as name", send(facilities, "application/json", "{\"name\": 5, \"kind\": \"HOSPITAL\"}"), 400, "name", failures);
        expectProblem("object as name", send(facilities, "application/json", "{\"name\": {}, \"kind\": \"HOSPITAL\"}"), 400, "name", failures);
        expectProblem("unknown enum", send(facilities, "application/json", "{\"name\": \"A\", \"kind\": \"SPACESHIP\"}"), 400, "kind", failures);
        expectProblem("missing name", send(facilities, "application/json", "{\"kind\": \"HOSPITAL\"}"), 400, "name", failures);
        expectProblem("blank name", send(facilities, "application/json", "{\"name\": \"  \", \"kind\": \"HOSPITAL\"}"), 400, "name", failures);
        expectProblem("too long name", send(facilities, "application/json",
                "{\"name\": \"" + "n".repeat(201) + "\", \"kind\": \"HOSPITAL\"}"), 400, "name", failures);
        String base = "\"facilityId\": \"" + facility + "\", \"name\": \"P\", \"sex\": \"MALE\"";
        expectProblem("bad date", send(patients, "application/json", "{" + base + ", \"dateOfBirth\": \"yesterday\"}"), 400, "dateOfBirth", failures);
        expectProblem("future date", send(patients, "application/json", "{" + base + ", \"dateOfBirth\": \"2999-01-01\"}"), 400, "dateOfBirth", failures);
        expectProblem("string age", send(patients, "application/json", "{" + base + ", \"age\": \"ten\"}"), 400, "age", failures);
        expectProblem("fraction age", send(patients, "application/json", "{" + base + ", \"age\": 10.5}"), 400, "age", failures);
        expectProblem("negative age", send(patients, "application/json", "{" + base + ", \"age\": -1}"), 400, "age", failures);
        expectProblem("both dob and age", send(patients, "application/json", "{" + base + ", \"age\": 3, \"dateOfBirth\": \"2020-01-01\"}"), 400, "age", failures);
        expectProblem("neither dob nor age", send(patients, "application/json", "{" + base + "}"), 400, "dateOfBirth", failures);
        expectProblem("bad uuid", send(patients, "application/json", "{\"facilityId\": \"abc\", \"name\": \"P\", \"sex\": \"MALE\", \"age\": 3}"), 400, "facilityId", failures);
        expectProblem("bad phone", send(patients, "application/json", "{" + base + ", \"age\": 3, \"phone\": \"call me\"}"), 400, "phone", failures);
        expectProblem("identifier missing value", send(patients, "application/json",
                "{" + base + ", \"age\": 3, \"identifiers\": [{\"system\": \"s\"}]}"), 400, "identifiers[0].value", failures);
        expectProblem("identifiers not a list", send(patients, "application/json",
                "{" + base + ", \"age\": 3, \"identifiers\": 7}"), 400, "identifiers", failures);
        expectProblem("boolean as string", send(new Endpoint("PATCH", "/api/v1/patients/" + patient), "application/json",
                "{\"active\": \"yes\"}"), 400, "active", failures);
        expectProblem("empty body", send(patients, "application/json", ""), 400, "body", failures);
        Endpoint replay = new Endpoint("POST", "/api/v1/bus/subscriptions/test-recorder/replay");
        expectProblem("replay: bad time", send(replay, "application/json", "{\"from\": \"yesterday\"}"), 400, "from", failures);
        expectProblem("replay: negative position", send(replay, "application/json", "{\"fromPosition\": -1}"), 400, "fromPosition",
                failures);
        expectProblem("replay: position as text", send(replay, "application/json", "{\"fromPosition\": \"start\"}"), 400,
                "fromPosition", failures);
        expectProblem("replay: deadLetters as number", send(replay, "application/json", "{\"deadLetters\": 7}"), 400, "deadLetters",
                failures);
        expectProblem("replay: two choices", send(replay, "application/json", "{\"deadLetters\": true, \"fromPosition\": 0}"), 400,
                "deadLetters", failures);
        expectProblem("replay: empty body", send(replay, "application/json", ""), 400, "body", failures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void badQueryParametersAre400AndUnknownPathsAre404() {
        as(admin()).queryParam("page", "abc").get("/api/v1/facilities").then().statusCode(400)
                .contentType("application/problem+json");
        as(admin()).queryParam("size", "100000").get("/api/v1/patients").then().statusCode(400);
        as(admin()).queryParam("facilityId", "nope").get("/api/v1/patients").then().statusCode(400);
        as(admin()).get("/api/v1/patients/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(admin()).get("/api/v1/nothing-here").then().statusCode(404);
        assertEquals(405, as(admin()).delete("/api/v1/patients/" + patient).statusCode());
    }
}
