package network.ohc.care.core.console;

import static io.restassured.RestAssured.given;
import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleTest {

    /** A user with {@code role} in the facility; returns the username (password TestApi.STAFF_PASSWORD). */
    static String user(String facility, String role) {
        String username = TestApi.unique("console").toLowerCase();
        String id = as(admin()).body(Map.of("username", username, "password", TestApi.STAFF_PASSWORD, "fullName", "Nurse " + username))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        as(admin()).body(Map.of("userId", id, "role", role)).post("/api/v1/facilities/" + facility + "/staff").then().statusCode(201);
        return username;
    }

    @Test
    void pagesNeedASessionAndCarrySecurityHeaders() {
        given().redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", containsString("/console/login"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/console/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(not(containsString("<script>")));
        given().get("/console/assets/console.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        // A forged or expired cookie is no session.
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, "not-a-token").get("/console").then().statusCode(303);
        // The API does not take the console's cookie, and still answers problem+json.
        given().cookie(ConsoleSession.COOKIE, TestApi.admin()).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndWrongPasswordIsShownOnTheForm() {
        Response form = given().get("/console/login");
        String loginCookie = form.getCookie(ConsoleSession.LOGIN_COOKIE);
        Response ok = given().redirects().follow(false).cookie(ConsoleSession.LOGIN_COOKIE, loginCookie)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD, "_csrf", ConsoleClient.csrf(form.asString())))
                .post("/console/login");
        assertEquals(303, ok.statusCode());
        String setCookie = ok.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(ConsoleSession.COOKIE + "="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/console"), setCookie);

        given().cookie(ConsoleSession.LOGIN_COOKIE, loginCookie).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", "wrong", "_csrf", ConsoleClient.csrf(form.asString())))
                .post("/console/login").then().statusCode(401).body(containsString("wrong username or password"));
        // Sign-in without the form's own token (login CSRF) is refused.
        given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD, "_csrf", "guess"))
                .post("/console/login").then().statusCode(403);
    }

    @Test
    void nurseAdmitsTransfersAndADoctorDischargesWhileTheBoardFollows() {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 2);
        String patient = TestApi.patient(facility);
        String nurseName = user(facility, "NURSE");
        ConsoleClient nurse = ConsoleClient.signIn(nurseName, TestApi.STAFF_PASSWORD);

        nurse.get("/console").then().statusCode(200).body(containsString("/console/facilities/" + facility));
        Response opened = nurse.post("/console/patients/" + patient + "/encounters", Map.of("encounterClass", "INPATIENT"));
        assertEquals(303, opened.statusCode(), opened.asString());
        String encounterPath = opened.header("Location").replaceFirst("^https?://[^/]+", "");
        String page = nurse.get(encounterPath).then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"" + ward.get(1) + "\""), "bed picker offers the free bed");
        assertTrue(!page.contains("id=\"discharge\""), "a nurse may not discharge: no button");

        // An error from the service is shown next to the field it names.
        nurse.post(encounterPath + "/admit", Map.of("bedId", "")).then().statusCode(400)
                .body(containsString("id=\"bedId-error\""));
        nurse.post(encounterPath + "/admit", Map.of("bedId", ward.get(1))).then().statusCode(303);
        nurse.get("/console/facilities/" + facility + "/wards/" + ward.get(0)).then().statusCode(200)
                .body(containsString("1 occupied")).body(containsString("1 free"));
        // The bed taken is no longer offered; transferring into it would be refused next to the field.
        nurse.post(encounterPath + "/transfer", Map.of("bedId", ward.get(1))).then().statusCode(422)
                .body(containsString("id=\"bedId-error\""));
        nurse.post(encounterPath + "/transfer", Map.of("bedId", ward.get(2))).then().statusCode(303);
        nurse.get("/console/facilities/" + facility + "/wards/" + ward.get(0)).then()
                .body(containsString("1 occupied")).body(containsString("1 cleaning"));
        // The server refuses the nurse's discharge even without the button.
        nurse.post(encounterPath + "/discharge", Map.of("disposition", "HOME")).then().statusCode(403);

        ConsoleClient doctor = ConsoleClient.signIn(user(facility, "DOCTOR"), TestApi.STAFF_PASSWORD);
        doctor.get(encounterPath).then().body(containsString("id=\"discharge\""));
        doctor.post(encounterPath + "/discharge", Map.of("disposition", "HOME", "notes", "well")).then().statusCode(303);
        doctor.get(encounterPath).then().body(containsString("Completed"));
        String encounterId = encounterPath.substring(encounterPath.lastIndexOf('/') + 1);
        as(admin()).get("/api/v1/encounters/" + encounterId).then().body("status", equalTo("COMPLETED"));

        // Mark the cleaned beds free again.
        nurse.post("/console/facilities/" + facility + "/beds/" + ward.get(1) + "/status", Map.of("status", "FREE", "ward", ward.get(0)))
                .then().statusCode(303);
        as(admin()).get("/api/v1/facilities/" + facility + "/locations/" + ward.get(1)).then().body("status", equalTo("FREE"));

        // The console's pages are audited like the API: the nurse's reads and writes, the refused discharge too.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> actions = as(admin()).queryParam("facilityId", facility).queryParam("userId", userIdOf(nurseName))
                    .queryParam("size", 200).get("/api/v1/audit").then().statusCode(200).extract().path("items.action");
            assertTrue(actions.containsAll(List.of("console.patient.open", "console.encounter.show", "console.encounter.admit",
                    "console.encounter.transfer", "console.encounter.discharge", "console.bed_board.board")), actions.toString());
        });
        List<String> refused = as(admin()).queryParam("facilityId", facility).queryParam("size", 200).get("/api/v1/audit").then()
                .extract().path("items.findAll { it.action == 'console.encounter.discharge' && it.status == 403 }.outcome");
        assertEquals(List.of("DENIED"), refused);
    }

    private static String userIdOf(String username) {
        return as(admin()).queryParam("username", username).get("/api/v1/users").then().statusCode(200).extract().path("[0].id");
    }

    @Test
    void clerkSeesNoDischargeAndForgedPostsAreRefused() {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 1);
        String patient = TestApi.patient(facility);
        String enc = TestApi.encounter(patient, "INPATIENT", "IN_PROGRESS");
        TestApi.admit(admin(), enc, ward.get(1)).statusCode(200);
        ConsoleClient clerk = ConsoleClient.signIn(user(facility, "STAFF"), TestApi.STAFF_PASSWORD);

        clerk.get("/console/encounters/" + enc).then().statusCode(200).body(not(containsString("id=\"discharge\"")))
                .body(not(containsString("id=\"transfer\"")));
        clerk.post("/console/encounters/" + enc + "/discharge", Map.of("disposition", "HOME")).then().statusCode(403);

        ConsoleClient doctor = ConsoleClient.signIn(user(facility, "DOCTOR"), TestApi.STAFF_PASSWORD);
        doctor.postWithToken("/console/encounters/" + enc + "/discharge", Map.of("disposition", "HOME"), null).then().statusCode(403)
                .body(containsString("did not come from this console"));
        doctor.postWithToken("/console/encounters/" + enc + "/discharge", Map.of("disposition", "HOME"), clerkToken(clerk))
                .then().statusCode(403);
        as(admin()).get("/api/v1/encounters/" + enc).then().body("status", equalTo("IN_PROGRESS"));
        // A user without a role in the facility does not see it.
        ConsoleClient stranger = ConsoleClient.signIn(user(TestApi.facility(), "NURSE"), TestApi.STAFF_PASSWORD);
        stranger.get("/console/facilities/" + facility).then().statusCode(404);
        stranger.get("/console/encounters/" + enc).then().statusCode(404);
    }

    private static String clerkToken(ConsoleClient c) {
        return ConsoleClient.csrf(c.get("/console").asString());
    }

    @Test
    void registeringAPatientShowsErrorsNextToTheirFields() {
        String facility = TestApi.facility();
        ConsoleClient clerk = ConsoleClient.signIn(user(facility, "STAFF"), TestApi.STAFF_PASSWORD);
        clerk.post("/console/facilities/" + facility + "/patients", Map.of("name", "Asha", "sex", "FEMALE", "phone", "abc"))
                .then().statusCode(400).body(containsString("id=\"phone-error\"")).body(containsString("value=\"Asha\""));
        Response ok = clerk.post("/console/facilities/" + facility + "/patients",
                Map.of("name", "Asha Console", "sex", "FEMALE", "age", "40"));
        assertEquals(303, ok.statusCode(), ok.asString());
        clerk.get("/console/facilities/" + facility + "/patients?q=asha con").then().statusCode(200)
                .body(containsString("Asha Console"));
    }

    @Test
    void deployerPagesShowPlugsWithSecretsRedactedAndSignalDeliveryToSuperusersOnly() {
        ConsoleClient admin = ConsoleClient.signIn("admin", TestApi.ADMIN_PASSWORD);
        admin.get("/console/deploy/plugs").then().statusCode(200).body(containsString("id=\"plug-sample\""))
                .body(containsString("<code>api-key</code>")).body(containsString("https://registry.example.org")).body(not(containsString("never-show-this-key")));
        String bus = admin.get("/console/deploy/bus").then().statusCode(200).body(containsString("id=\"subscriptions\"")).extract()
                .asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/console/deploy/bus/([^\"]+)\"").matcher(bus);
        if (m.find()) {
            admin.get("/console/deploy/bus/" + m.group(1)).then().statusCode(200).body(containsString("id=\"dead-letters\""));
            admin.post("/console/deploy/bus/" + m.group(1) + "/replay", Map.of()).then().statusCode(303);
            admin.postWithToken("/console/deploy/bus/" + m.group(1) + "/replay", Map.of(), "forged").then().statusCode(403);
        }
        ConsoleClient nurse = ConsoleClient.signIn(user(TestApi.facility(), "NURSE"), TestApi.STAFF_PASSWORD);
        nurse.get("/console").then().body(not(containsString("/console/deploy/plugs")));
        nurse.get("/console/deploy/plugs").then().statusCode(403);
        nurse.get("/console/deploy/bus").then().statusCode(403);
    }

    @Test
    void facilityAdminAddsBedsAndGrantsRolesWhileANurseMayNot() {
        String facility = TestApi.facility();
        String ward = TestApi.location(facility, "WARD", "Ward M", null);
        ConsoleClient admin = ConsoleClient.signIn(user(facility, "ADMIN"), TestApi.STAFF_PASSWORD);
        admin.get("/console/facilities/" + facility).then().body(containsString("/manage"));
        admin.post("/console/facilities/" + facility + "/manage/locations", Map.of("kind", "BED", "name", "Bed M1", "parentId", ward))
                .then().statusCode(303);
        admin.post("/console/facilities/" + facility + "/manage/locations", Map.of("kind", "BED", "name", "Orphan"))
                .then().statusCode(422).body(containsString("id=\"parentId-error\""));
        admin.get("/console/facilities/" + facility + "/wards/" + ward).then().body(containsString("Bed M1"));
        String nurseName = user(TestApi.facility(), "NURSE");
        admin.post("/console/facilities/" + facility + "/manage/staff", Map.of("username", nurseName, "role", "NURSE"))
                .then().statusCode(303);
        admin.get("/console/facilities/" + facility + "/manage").then().body(containsString(nurseName));
        admin.post("/console/facilities/" + facility + "/manage/staff", Map.of("username", "nobody-here", "role", "NURSE"))
                .then().statusCode(400).body(containsString("id=\"username-error\""));
        ConsoleClient nurse = ConsoleClient.signIn(nurseName, TestApi.STAFF_PASSWORD);
        nurse.get("/console/facilities/" + facility).then().statusCode(200).body(not(containsString("/manage")));
        nurse.get("/console/facilities/" + facility + "/manage").then().statusCode(403);
        nurse.post("/console/facilities/" + facility + "/manage/locations", Map.of("kind", "WARD", "name", "Sneaky")).then().statusCode(403);
    }

    @Test
    void withoutPlugsNoPlugPanelsTabsOrNavigationAppear() {
        String facility = TestApi.facility();
        String patient = TestApi.patient(facility);
        ConsoleClient nurse = ConsoleClient.signIn(user(facility, "NURSE"), TestApi.STAFF_PASSWORD);
        Response opened = nurse.post("/console/patients/" + patient + "/encounters", Map.of("encounterClass", "INPATIENT"));
        assertEquals(303, opened.statusCode(), opened.asString());
        nurse.get("/console/facilities/" + facility).then().statusCode(200)
                .body(not(containsString("class=\"panel\"")), not(containsString("/console/plugs/")));
        nurse.get(opened.header("Location")).then().statusCode(200)
                .body(not(containsString("class=\"tabs\"")), not(containsString("/console/plugs/")));
    }
}
