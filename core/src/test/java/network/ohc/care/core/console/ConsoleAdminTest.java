package network.ohc.care.core.console;

import static io.restassured.RestAssured.given;
import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Facility admins' and superusers' pages: facilities, locations, staff, users, dead letters; and what others cannot do. */
@QuarkusTest
class ConsoleAdminTest {
    @Inject
    AgroalDataSource db;

    @Test
    void aSuperuserCreatesAFacilityAndFieldErrorsStandNextToTheirField() {
        ConsoleClient su = ConsoleClient.signIn("admin", TestApi.ADMIN_PASSWORD);
        su.get("/console").then().statusCode(200).body(containsString("href=\"/console/admin/facilities/new\""));
        su.get("/console/admin/facilities/new").then().statusCode(200).body(containsString("id=\"save-facility\""));

        Response blank = su.post("/console/admin/facilities", Map.of("name", " ", "kind", "CLINIC"));
        assertEquals(400, blank.statusCode(), blank.asString());
        assertTrue(blank.asString().contains("id=\"name-error\""), blank.asString());

        String name = TestApi.unique("Console clinic");
        Response made = su.post("/console/admin/facilities", Map.of("name", name, "kind", "CLINIC", "district", "Wayanad"));
        assertEquals(303, made.statusCode(), made.asString());
        String manage = made.header("Location");
        assertTrue(manage.matches(".*/console/facilities/[0-9a-f-]{36}/manage"), manage);
        String facility = manage.replaceAll(".*/facilities/([0-9a-f-]{36})/manage", "$1");
        as(admin()).get("/api/v1/facilities/" + facility).then().statusCode(200).body("name", equalTo(name)).body("kind", equalTo("CLINIC"));
    }

    @Test
    void aFacilityAdminEditsTheFacilityAddsABedAndSetsItsStatusAndGrantsARole() {
        String facility = TestApi.facility();
        String ward = TestApi.location(facility, "WARD", "East", null);
        ConsoleClient admin = ConsoleClient.signIn(ConsoleTest.user(facility, "ADMIN"), TestApi.STAFF_PASSWORD);

        admin.get("/console/facilities/" + facility).then().statusCode(200).body(containsString("/console/facilities/" + facility + "/manage"));
        admin.get("/console/facilities/" + facility + "/manage").then().statusCode(200)
                .body(containsString("id=\"add-location-submit\"")).body(containsString("/manage/locations/" + ward));
        // A superuser's power is not a facility admin's: no facility creation.
        admin.get("/console").then().statusCode(200).body(not(containsString("/console/admin/facilities/new")));
        assertEquals(403, admin.post("/console/admin/facilities", Map.of("name", "Mine", "kind", "CLINIC")).statusCode());

        assertEquals(303, admin.post("/console/admin/facilities/" + facility,
                Map.of("name", "Renamed by console", "kind", "HOSPITAL", "district", "Kannur", "active", "on")).statusCode());
        as(admin()).get("/api/v1/facilities/" + facility).then().body("name", equalTo("Renamed by console")).body("district", equalTo("Kannur"))
                .body("active", equalTo(true));

        assertEquals(303, admin.post("/console/facilities/" + facility + "/manage/locations",
                Map.of("kind", "BED", "name", "Bed 9", "parentId", ward)).statusCode());
        String bed = as(admin()).get("/api/v1/facilities/" + facility + "/locations?kind=BED").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        // The API's refusal names the field, and the form shows it there.
        Response twice = admin.post("/console/facilities/" + facility + "/manage/locations", Map.of("kind", "BED", "name", "Bed 9", "parentId", ward));
        assertEquals(409, twice.statusCode(), twice.asString());
        assertTrue(twice.asString().contains("id=\"name-error\""), twice.asString());

        admin.get("/console/facilities/" + facility + "/wards/" + ward).then().statusCode(200)
                .body(containsString("/manage/locations/" + bed));
        Response status = admin.post("/console/facilities/" + facility + "/manage/locations/" + bed,
                Map.of("name", "Bed 9A", "active", "on", "status", "OUT_OF_SERVICE"));
        assertEquals(303, status.statusCode(), status.asString());
        as(admin()).get("/api/v1/facilities/" + facility + "/locations/" + bed).then().body("name", equalTo("Bed 9A"))
                .body("status", equalTo("OUT_OF_SERVICE"));
        Response occupiedByForm = admin.post("/console/facilities/" + facility + "/manage/locations/" + bed,
                Map.of("name", "Bed 9A", "active", "on", "status", "OCCUPIED"));
        assertEquals(422, occupiedByForm.statusCode());
        assertTrue(occupiedByForm.asString().contains("id=\"status-error\""), occupiedByForm.asString());

        String nurse = TestApi.unique("granted").toLowerCase();
        as(admin()).body(Map.of("username", nurse, "password", TestApi.STAFF_PASSWORD, "fullName", "Granted Nurse")).post("/api/v1/users")
                .then().statusCode(201);
        assertEquals(303, admin.post("/console/facilities/" + facility + "/manage/staff", Map.of("username", nurse, "role", "NURSE")).statusCode());
        as(admin()).get("/api/v1/facilities/" + facility + "/staff").then().body("find { it.username == '" + nurse + "' }.role", equalTo("NURSE"));
        Response unknown = admin.post("/console/facilities/" + facility + "/manage/staff", Map.of("username", "nobody-such", "role", "NURSE"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.asString().contains("id=\"username-error\""), unknown.asString());
    }

    @Test
    void aClerkSeesNoAdminActionsAndTheServerRefusesAForgedPost() {
        String facility = TestApi.facility();
        String ward = TestApi.location(facility, "WARD", "West", null);
        String bed = TestApi.location(facility, "BED", "Bed 1", ward);
        ConsoleClient clerk = ConsoleClient.signIn(ConsoleTest.user(facility, "STAFF"), TestApi.STAFF_PASSWORD);

        String page = clerk.get("/console/facilities/" + facility).then().statusCode(200).extract().asString();
        assertTrue(!page.contains("/manage"), "no Manage link for a clerk");
        assertTrue(!page.contains("href=\"/console/admin/users\""), "no Users link for a clerk");
        clerk.get("/console/facilities/" + facility + "/wards/" + ward).then().statusCode(200).body(not(containsString("/manage/locations/")));
        clerk.get("/console/facilities/" + facility + "/manage").then().statusCode(403);
        clerk.get("/console/admin/users").then().statusCode(403);
        // A forged post with the clerk's own valid CSRF token: the service refuses, nothing changes.
        assertEquals(403, clerk.post("/console/facilities/" + facility + "/manage/locations",
                Map.of("kind", "BED", "name", "Forged", "parentId", ward)).statusCode());
        assertEquals(403, clerk.post("/console/facilities/" + facility + "/manage/locations/" + bed,
                Map.of("name", "Forged", "active", "on")).statusCode());
        assertEquals(403, clerk.post("/console/admin/facilities/" + facility, Map.of("name", "Forged", "kind", "CLINIC")).statusCode());
        as(admin()).get("/api/v1/facilities/" + facility + "/locations?name=Forged").then().body("items.size()", equalTo(0));
        // Without the token, even an admin's post is refused.
        ConsoleClient admin = ConsoleClient.signIn(ConsoleTest.user(facility, "ADMIN"), TestApi.STAFF_PASSWORD);
        assertEquals(403, admin.postWithToken("/console/facilities/" + facility + "/manage/locations",
                Map.of("kind", "BED", "name", "Forged", "parentId", ward), "guess").statusCode());
        // Outside the console the API still answers problem+json.
        given().header("Authorization", "Bearer " + admin()).get("/api/v1/facilities/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void usersAreCreatedEditedAndDeactivated() {
        String facility = TestApi.facility();
        ConsoleClient facilityAdmin = ConsoleClient.signIn(ConsoleTest.user(facility, "ADMIN"), TestApi.STAFF_PASSWORD);
        facilityAdmin.get("/console/admin/users").then().statusCode(200).body(containsString("id=\"create-user-submit\""))
                .body(not(containsString("id=\"superuser\""))).body(not(containsString("id=\"users\"")));
        String made = TestApi.unique("made").toLowerCase();
        Response created = facilityAdmin.post("/console/admin/users", Map.of("username", made, "password", TestApi.STAFF_PASSWORD,
                "fullName", "Made Here"));
        assertEquals(303, created.statusCode(), created.asString());
        assertTrue(created.header("Location").contains("created=" + made), created.header("Location"));
        Response shortPassword = facilityAdmin.post("/console/admin/users", Map.of("username", made + "x", "password", "short",
                "fullName", "Too Short"));
        assertEquals(400, shortPassword.statusCode());
        assertTrue(shortPassword.asString().contains("id=\"password-error\""), shortPassword.asString());
        assertEquals(403, facilityAdmin.post("/console/admin/users", Map.of("username", made + "su", "password", TestApi.STAFF_PASSWORD,
                "fullName", "Would Be Root", "superuser", "on")).statusCode());

        ConsoleClient su = ConsoleClient.signIn("admin", TestApi.ADMIN_PASSWORD);
        String list = su.get("/console/admin/users?username=" + made).then().statusCode(200).extract().asString();
        String id = list.replaceAll("(?s).*href=\"/console/admin/users/([0-9a-f-]{36})\">" + made + "<.*", "$1");
        assertEquals(36, id.length(), list);
        assertEquals(303, su.post("/console/admin/users/" + id, Map.of("fullName", "Made Renamed")).statusCode(),
                "no active box: a superuser deactivates");
        as(admin()).get("/api/v1/users/" + id).then().body("fullName", equalTo("Made Renamed")).body("active", equalTo(false));
        Response refused = given().contentType("application/json").body(Map.of("username", made, "password", TestApi.STAFF_PASSWORD))
                .post("/api/v1/auth/login");
        assertEquals(401, refused.statusCode());
        assertEquals(303, su.post("/console/admin/users/" + id, Map.of("fullName", "Made Renamed", "active", "on")).statusCode());

        // Everyone edits themselves, from their name in the header; a new password needs the current one.
        ConsoleClient self = ConsoleClient.signIn(made, TestApi.STAFF_PASSWORD);
        self.get("/console").then().statusCode(200).body(containsString("href=\"/console/admin/users/" + id + "\""));
        self.get("/console/admin/users/" + id).then().statusCode(200).body(containsString("id=\"currentPassword\""))
                .body(not(containsString("id=\"active\"")));
        Response noCurrent = self.post("/console/admin/users/" + id, Map.of("fullName", "Made Myself", "password", "a-new-password-1"));
        assertEquals(400, noCurrent.statusCode());
        assertTrue(noCurrent.asString().contains("id=\"currentPassword-error\""), noCurrent.asString());
        assertEquals(303, self.post("/console/admin/users/" + id, Map.of("fullName", "Made Myself")).statusCode());
        as(admin()).get("/api/v1/users/" + id).then().body("fullName", equalTo("Made Myself")).body("active", equalTo(true));
    }

    @Test
    void deadLettersShowTheirPayloadAndErrorAndAreReplayedWithAConfirmedForm() throws Exception {
        String subscriber = "test-console-dead-" + TestApi.unique("s").toLowerCase();
        String facility = TestApi.facility();
        long seq;
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT max(seq) FROM core.signal_outbox WHERE aggregate_id = '" + facility + "'");
            rs.next();
            seq = rs.getLong(1);
            st.executeUpdate("INSERT INTO core.signal_subscription (name, position) VALUES ('" + subscriber + "', " + seq + ")");
            st.executeUpdate("INSERT INTO core.signal_dead_letter (subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error) "
                    + "SELECT '" + subscriber + "', seq, signal_id, type, aggregate_type, aggregate_id, 3, 'endpoint said 500' "
                    + "FROM core.signal_outbox WHERE seq = " + seq);
        }
        try {
            ConsoleClient su = ConsoleClient.signIn("admin", TestApi.ADMIN_PASSWORD);
            String page = su.get("/console/deploy/bus/" + subscriber).then().statusCode(200).extract().asString();
            assertTrue(page.contains("endpoint said 500"), page);
            assertTrue(page.contains(facility) && page.contains("class=\"payload\""), "the signal's payload is shown: " + page);
            assertTrue(page.contains("data-confirm="), "replay asks first");
            assertEquals(403, su.postWithToken("/console/deploy/bus/" + subscriber + "/replay", Map.of(), null).statusCode());
            assertEquals(303, su.post("/console/deploy/bus/" + subscriber + "/replay", Map.of()).statusCode());
            as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200);

            ConsoleClient nurse = ConsoleClient.signIn(ConsoleTest.user(facility, "NURSE"), TestApi.STAFF_PASSWORD);
            nurse.get("/console/deploy/bus/" + subscriber).then().statusCode(403).body(not(containsString("endpoint said 500")));
            assertEquals(403, nurse.post("/console/deploy/bus/" + subscriber + "/replay", Map.of()).statusCode());
        } finally {
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM core.signal_dead_letter WHERE subscriber = '" + subscriber + "'");
                st.executeUpdate("DELETE FROM core.signal_subscription WHERE name = '" + subscriber + "'");
            }
        }
    }
}
