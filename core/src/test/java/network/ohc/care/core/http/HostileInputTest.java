package network.ohc.care.core.http;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** The probe's findings 2, 6, 7, 8: every hostile input is a 4xx problem+json naming what is wrong, never a 5xx. */
@QuarkusTest
class HostileInputTest {
    private static ValidatableResponse field(ValidatableResponse r, int status, String field) {
        return TestApi.problem(r, status).body("errors.field", hasItem(field));
    }

    private static String json(String key, String rawValue) {
        return "{\"" + key + "\":\"" + rawValue + "\"}";
    }

    @Test
    void nulAndLoneSurrogatesInJsonNameTheField() {
        String facility = TestApi.facility();
        field(RestAssured.given().contentType(ContentType.JSON).body("{\"username\":\"ad\\u0000min\",\"password\":\"x\"}")
                .post("/api/v1/auth/login").then(), 400, "username");
        field(as(admin()).body("{\"facilityId\":\"" + facility + "\",\"name\":\"A\\u0000B\",\"sex\":\"MALE\",\"age\":3}")
                .post("/api/v1/patients").then(), 400, "name");
        field(as(admin()).body("{\"facilityId\":\"" + facility + "\",\"name\":\"AB\",\"sex\":\"MALE\",\"age\":3,"
                + "\"identifiers\":[{\"system\":\"s\\u0000\",\"value\":\"v\"}]}").post("/api/v1/patients").then(), 400,
                "identifiers[0].system");
        field(as(admin()).body("{\"name\":\"Ward \\ud800 lone\",\"kind\":\"HOSPITAL\"}").post("/api/v1/facilities").then(), 400, "name");
        field(as(admin()).body("{\"name\":\"Ward \\udc00\",\"kind\":\"HOSPITAL\"}").post("/api/v1/facilities").then(), 400, "name");
        // A proper pair (an emoji) is text like any other.
        as(admin()).body("{\"name\":\"" + TestApi.unique("Ward \\ud83c\\udfe5") + "\",\"kind\":\"HOSPITAL\"}").post("/api/v1/facilities")
                .then().statusCode(201).body("name", containsString("\uD83C\uDFE5"));
    }

    @Test
    void nulInQueryParametersNamesTheParameter() {
        field(as(admin()).urlEncodingEnabled(false).get("/api/v1/patients?name=%00").then(), 400, "name");
        field(as(admin()).urlEncodingEnabled(false).get("/api/v1/patients?identifierValue=a%00b").then(), 400, "identifierValue");
        field(as(admin()).urlEncodingEnabled(false).get("/api/v1/facilities?district=%00").then(), 400, "district");
        field(as(admin()).urlEncodingEnabled(false).get("/api/v1/users?username=%00").then(), 400, "username");
    }

    @Test
    void pagingOverflowIsAnInvalidPage() {
        String facility = TestApi.facility();
        for (String list : List.of("/api/v1/patients", "/api/v1/facilities", "/api/v1/users", "/api/v1/encounters",
                "/api/v1/facilities/" + facility + "/locations")) {
            field(as(admin()).queryParam("page", "10737419").queryParam("size", "200").get(list).then(), 400, "page");
            field(as(admin()).queryParam("page", "2147483647").get(list).then(), 400, "page");
        }
        as(admin()).queryParam("page", "1000").queryParam("size", "200").get("/api/v1/facilities").then().statusCode(200);
    }

    @Test
    void replayFromBeyondTheCalendarIsRefused() {
        field(as(admin()).body(json("from", "+999999999-12-31T23:59:59Z")).post("/api/v1/bus/subscriptions/test-recorder/replay").then(),
                400, "from");
        field(as(admin()).body(json("from", "-000001-01-01T00:00:00Z")).post("/api/v1/bus/subscriptions/test-recorder/replay").then(),
                400, "from");
    }

    @Test
    void detailsNameNoFrameworkInternals() {
        as(admin()).contentType("text/plain").body("x").post("/api/v1/facilities").then().statusCode(415)
                .body("detail", not(containsString("@"))).body("detail", equalTo("the body must be application/json"));
        as(admin()).body("{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}").post("/api/v1/facilities").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500))
                .body("detail", not(containsString("Constraints"))).body("detail", not(containsString("()")));
        as(admin()).body("{\"name\": tru}").post("/api/v1/facilities").then().statusCode(400)
                .body("detail", not(containsString("Feature"))).body("detail", not(containsString("Source")));
    }

    @Test
    void httpLevelRefusalsAreProblems() {
        int port = RestAssured.port;
        List<String> failures = new ArrayList<>();
        expect(failures, "long path", RawHttp.send(port, "GET /api/v1/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        expect(failures, "long query", RawHttp.send(port, "GET /api/v1/patients?name=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        expect(failures, "declared oversize", RawHttp.send(port, "POST /api/v1/facilities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\nAuthorization: Bearer " + admin() + "\r\n\r\n{"), 413);
        expect(failures, "chunked oversize", RawHttp.send(port, chunked(admin(), 2 * 1024 * 1024)), 413);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // Refused by the HTTP decoder before any handler runs: a 400, never a 5xx, and the connection closed.
        assertEquals(400, RawHttp.send(port, "GET /x HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n").status());
        assertEquals(400, RawHttp.send(port, "\u0001\u0002garbage\r\n\r\n").status());
        // A target that is not a valid URI: problem+json naming the path, or the query parameter.
        assertInvalidTarget(port, "/api/v1/patients/%ZZ", "path");
        assertInvalidTarget(port, "/api/v1/patients/a%4", "path");
        assertInvalidTarget(port, "/api/v1/patients?name=%ZZ", "name");
        assertInvalidTarget(port, "/api/v1/patients?page=0&identifierValue=a%G1", "identifierValue");
        assertInvalidTarget(port, "/api/v1/patients?na%Zme=x", "query");
        assertInvalidTarget(port, "/nowhere/%", "path");
        // A chunked body under the limit is read as usual.
        RawHttp.Answer small = RawHttp.send(port, ("POST /api/v1/facilities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\nAuthorization: Bearer " + admin() + "\r\n\r\n"
                + chunk("{\"name\":\"" + TestApi.unique("Chunked") + "\",") + chunk("\"kind\":\"HOSPITAL\"}") + "0\r\n\r\n"));
        assertEquals(201, small.status(), small.toString());
    }

    @Test
    void responsesCarryingTokensOrPatientDataAreNotStored() {
        String facility = TestApi.facility();
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).header("Cache-Control", "no-store");
        as(admin()).get("/api/v1/patients/" + TestApi.patient(facility)).then().statusCode(200).header("Cache-Control", "no-store");
        as(admin()).get("/api/v1/patients/not-a-uuid").then().statusCode(404).header("Cache-Control", "no-store");
    }

    private static void expect(List<String> failures, String what, RawHttp.Answer answer, int status) {
        if (answer.status() != status || !answer.isProblem()) {
            failures.add(what + ": expected " + status + " problem+json, got " + answer);
        }
    }

    private static void assertInvalidTarget(int port, String target, String field) {
        RawHttp.Answer a = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(400, a.status(), target + ": " + a);
        assertTrue(a.isProblem(), target + ": " + a);
        assertTrue(a.body().contains("\"field\":\"" + field + "\""), target + ": " + a);
    }

    private static String chunk(String s) {
        return Integer.toHexString(s.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + s + "\r\n";
    }

    private static byte[] chunked(String token, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "POST /api/v1/facilities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        byte[] piece = ("{\"name\":\"" + "x".repeat(65536 - 9)).getBytes(StandardCharsets.ISO_8859_1);
        for (int sent = 0; sent < size; sent += piece.length) {
            out.writeBytes((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(piece);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            piece = "x".repeat(65536).getBytes(StandardCharsets.ISO_8859_1);
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
