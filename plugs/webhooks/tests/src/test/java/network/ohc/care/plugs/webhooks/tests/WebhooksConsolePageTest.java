package network.ohc.care.plugs.webhooks.tests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/** webhooks contributes a console page with endpoint status and the retry action, for superusers only. */
@QuarkusTest
@QuarkusTestResource(value = Receiver.class, restrictToAnnotatedClass = true)
class WebhooksConsolePageTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    record Session(String access, String refresh) {
        Response get(String path) {
            return given().redirects().follow(false).cookie("care_console", access).cookie("care_console_refresh", refresh).get(path);
        }

        Response post(String path, String csrf) {
            var spec = given().redirects().follow(false).cookie("care_console", access).cookie("care_console_refresh", refresh)
                    .contentType("application/x-www-form-urlencoded").formParam("x", "1");
            if (csrf != null) {
                spec = spec.formParam("_csrf", csrf);
            }
            return spec.post(path);
        }
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        m.find();
        return m.group(1);
    }

    static Session signIn(String username, String password) {
        Response form = given().get("/console/login");
        Response r = given().redirects().follow(false).cookie("care_console_login", form.getCookie("care_console_login"))
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", username, "password", password, "_csrf", csrf(form.asString()))).post("/console/login");
        assertEquals(303, r.statusCode(), r.asString());
        return new Session(r.getCookie("care_console"), r.getCookie("care_console_refresh"));
    }

    @Test
    void superusersSeeEndpointStatusAndRetryOthersAreRefused() {
        Session admin = signIn("admin", CareHarness.ADMIN_PASSWORD);
        String page = admin.get("/console/plugs/webhooks").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'")).extract().asString();
        assertEquals(true, page.contains("Webhook endpoints") && page.contains("action=\"/console/plugs/webhooks/slim/retry\""), page);
        assertEquals(true, page.contains("id=\"sign-out\""), "wrapped in the console layout");

        Response retried = admin.post("/console/plugs/webhooks/slim/retry", csrf(page));
        assertEquals(303, retried.statusCode(), retried.asString());
        assertEquals(403, admin.post("/console/plugs/webhooks/slim/retry", null).statusCode());
        assertEquals(403, admin.post("/console/plugs/webhooks/slim/retry", "forged").statusCode());

        String facility = CareHarness.facility();
        String username = CareHarness.unique("wh-console").toLowerCase();
        String id = CareHarness.as(CareHarness.admin())
                .body(Map.of("username", username, "password", CareHarness.STAFF_PASSWORD, "fullName", "Nurse " + username))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        CareHarness.as(CareHarness.admin()).body(Map.of("userId", id, "role", "ADMIN")).post("/api/v1/facilities/" + facility + "/staff")
                .then().statusCode(201);
        Session facilityAdmin = signIn(username, CareHarness.STAFF_PASSWORD);
        facilityAdmin.get("/console/plugs/webhooks").then().statusCode(403).body(not(containsString("/retry")));
        String own = facilityAdmin.get("/console").asString();
        assertEquals(403, facilityAdmin.post("/console/plugs/webhooks/slim/retry", csrf(own)).statusCode());
        // Without a session: refused (the API's 401 challenge; core's own pages redirect to sign-in instead).
        given().redirects().follow(false).get("/console/plugs/webhooks").then().statusCode(401).body(not(containsString("/retry")));
    }
}
