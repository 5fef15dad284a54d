package __PACKAGE__.tests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/** The plug's console page, inside core's layout, and its entry in a facility's navigation. */
@QuarkusTest
class __CLASS__ConsolePageTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    @Test
    void signedInStaffSeeThePageAndItsNavigationItem() {
        String facility = CareHarness.facility();
        CareHarness.awaitDelivered("__NAME__");
        Response form = given().get("/console/login");
        Matcher m = CSRF.matcher(form.asString());
        m.find();
        Response signedIn = given().redirects().follow(false).cookie("care_console_login", form.getCookie("care_console_login"))
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "admin", "password", CareHarness.ADMIN_PASSWORD, "_csrf", m.group(1)))
                .post("/console/login");
        assertEquals(303, signedIn.statusCode(), signedIn.asString());
        // A session is both cookies: the access token and its refresh token.
        Map<String, String> session = Map.of("care_console", signedIn.getCookie("care_console"),
                "care_console_refresh", signedIn.getCookie("care_console_refresh"));

        given().cookies(session).get("/console/plugs/__NAME__").then().statusCode(200)
                .body(containsString("id=\"__NAME__-facts\"")).body(containsString("<dd>Hello</dd>"))
                .body(containsString("id=\"sign-out\""));
        given().cookies(session).get("/console/facilities/" + facility).then().statusCode(200)
                .body(containsString("href=\"/console/plugs/__NAME__\""));
    }

    @Test
    void needsASession() {
        given().redirects().follow(false).get("/console/plugs/__NAME__").then().statusCode(401);
    }
}
