package network.ohc.care.plugs.census.tests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/** census contributes an occupancy panel to the console's facility page, behind the census API's role check. */
@QuarkusTest
class CensusConsolePanelTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    record Session(String access, String refresh) {
        Response get(String path) {
            return given().redirects().follow(false).cookie("care_console", access).cookie("care_console_refresh", refresh).get(path);
        }
    }

    /** Signs in through the console's form, as a browser would. */
    static Session signIn(String username, String password) {
        Response form = given().get("/console/login");
        Matcher m = CSRF.matcher(form.asString());
        m.find();
        Response r = given().redirects().follow(false).cookie("care_console_login", form.getCookie("care_console_login"))
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", username, "password", password, "_csrf", m.group(1))).post("/console/login");
        assertEquals(303, r.statusCode(), r.asString());
        return new Session(r.getCookie("care_console"), r.getCookie("care_console_refresh"));
    }

    static String user(String facility, String role) {
        String username = CareHarness.unique("census-console").toLowerCase();
        String id = CareHarness.as(CareHarness.admin())
                .body(Map.of("username", username, "password", CareHarness.STAFF_PASSWORD, "fullName", "Census " + username))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        CareHarness.as(CareHarness.admin()).body(Map.of("userId", id, "role", role)).post("/api/v1/facilities/" + facility + "/staff")
                .then().statusCode(201);
        return username;
    }

    @Test
    void theFacilityPageShowsTheOccupancyPanelToStaffOfTheFacilityOnly() {
        String facility = CareHarness.facility();
        CareHarness.Ward ward = CareHarness.ward(facility, 3);
        String encounter = CareHarness.inpatient(facility);
        CareHarness.admit(encounter, ward.beds().get(0)).statusCode(200);
        CareHarness.awaitDelivered("census");

        Session nurse = signIn(user(facility, "NURSE"), CareHarness.STAFF_PASSWORD);
        String page = nurse.get("/console/facilities/" + facility).then().statusCode(200).extract().asString();
        assertEquals(true, page.contains("Occupancy (census)"), page);
        assertEquals(true, page.contains("data-census-facility=\"" + facility + "\""), page);
        assertEquals(true, page.contains("<td class=\"census-occupied\">1</td>"), page);

        Session superuser = signIn("admin", CareHarness.ADMIN_PASSWORD);
        superuser.get("/console/facilities/" + facility).then().statusCode(200).body(containsString("Occupancy (census)"));

        // Staff of another facility: no role here, so neither the page nor the panel.
        Session stranger = signIn(user(CareHarness.facility(), "NURSE"), CareHarness.STAFF_PASSWORD);
        stranger.get("/console/facilities/" + facility).then().statusCode(404).body(not(containsString("data-census-facility")));
    }
}
