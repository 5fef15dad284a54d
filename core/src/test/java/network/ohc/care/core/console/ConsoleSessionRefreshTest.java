package network.ohc.care.core.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** A console session outlives its short access token by rotating the refresh token; sign-out ends it at once. */
@QuarkusTest
@TestProfile(ConsoleSessionRefreshTest.ShortAccess.class)
class ConsoleSessionRefreshTest {
    public static class ShortAccess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.auth.tokens.access-lifetime", "PT2S");
        }
    }

    /** Past the token's own expiry; the console rotates then, even while the validator's clock-skew grace lasts. */
    private static void letAccessTokenExpire() throws InterruptedException {
        Thread.sleep(3_500);
    }

    private static Response get(String access, String refresh) {
        var spec = given().redirects().follow(false);
        if (access != null) {
            spec = spec.cookie(ConsoleSession.COOKIE, access);
        }
        if (refresh != null) {
            spec = spec.cookie(ConsoleSession.REFRESH_COOKIE, refresh);
        }
        return spec.get("/console");
    }

    private static Response signOut(String access, String refresh, String csrf) {
        return given().redirects().follow(false).cookie(ConsoleSession.COOKIE, access).cookie(ConsoleSession.REFRESH_COOKIE, refresh)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf).post("/console/logout");
    }

    private static void refused(Response r) {
        assertEquals(303, r.statusCode(), r.asString());
        assertEquals(true, r.header("Location").contains(ConsoleSession.LOGIN_PATH), r.header("Location"));
    }

    @Test
    void aPageStillWorksAfterTheAccessTokenExpiredAndTheOldPairIsThenRefused() throws InterruptedException {
        ConsoleClient nurse = ConsoleClient.signIn(ConsoleTest.user(TestApi.facility(), "NURSE"), TestApi.STAFF_PASSWORD);
        assertNotNull(nurse.refresh);
        letAccessTokenExpire();

        Response page = nurse.get("/console");
        assertEquals(200, page.statusCode(), page.asString());
        String access = page.getCookie(ConsoleSession.COOKIE);
        String refresh = page.getCookie(ConsoleSession.REFRESH_COOKIE);
        assertNotNull(access, "the rotated access token is stored");
        assertNotNull(refresh, "the rotated refresh token is stored");
        assertNotEquals(nurse.session, access);
        assertNotEquals(nurse.refresh, refresh);
        String setCookie = page.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSession.REFRESH_COOKIE + "=")).findFirst().orElseThrow();
        assertEquals(true, setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict")
                && setCookie.contains("Path=/console"), setCookie);
        // The page's forms carry the CSRF token of the new session.
        assertEquals(ConsoleSession.derive(access), ConsoleClient.csrf(page.asString()));
        assertEquals(200, get(access, refresh).statusCode());

        // The used refresh token presented again is a stolen one: the whole sign-in ends, the new pair too.
        letAccessTokenExpire();
        refused(get(nurse.session, nurse.refresh));
        refused(get(access, refresh));
    }

    @Test
    void aFormRenderedBeforeExpiryStillPostsAndSignOutRefusesTheOldCookies() throws InterruptedException {
        ConsoleClient nurse = ConsoleClient.signIn(ConsoleTest.user(TestApi.facility(), "NURSE"), TestApi.STAFF_PASSWORD);
        Response form = nurse.get("/console");
        // As a browser: the page may already have rotated the pair (the token's expiry is counted in whole seconds).
        String access = form.getCookie(ConsoleSession.COOKIE) != null ? form.getCookie(ConsoleSession.COOKIE) : nurse.session;
        String refresh = form.getCookie(ConsoleSession.REFRESH_COOKIE) != null ? form.getCookie(ConsoleSession.REFRESH_COOKIE) : nurse.refresh;
        letAccessTokenExpire();

        Response out = signOut(access, refresh, ConsoleClient.csrf(form.asString()));
        assertEquals(303, out.statusCode(), out.asString());
        assertEquals(true, out.header("Location").contains(ConsoleSession.LOGIN_PATH));
        assertEquals("", out.getCookie(ConsoleSession.REFRESH_COOKIE));
        refused(get(access, refresh));

        // Signed out while the access token is still valid: refused all the same, as the sign-in's family is revoked.
        ConsoleClient clerk = ConsoleClient.signIn(ConsoleTest.user(TestApi.facility(), "STAFF"), TestApi.STAFF_PASSWORD);
        Response page = clerk.get("/console");
        access = page.getCookie(ConsoleSession.COOKIE) != null ? page.getCookie(ConsoleSession.COOKIE) : clerk.session;
        refresh = page.getCookie(ConsoleSession.REFRESH_COOKIE) != null ? page.getCookie(ConsoleSession.REFRESH_COOKIE) : clerk.refresh;
        assertEquals(303, signOut(access, refresh, ConsoleClient.csrf(page.asString())).statusCode());
        refused(get(access, refresh));
        // The access cookie without its refresh cookie is no session either.
        ConsoleClient doctor = ConsoleClient.signIn(ConsoleTest.user(TestApi.facility(), "DOCTOR"), TestApi.STAFF_PASSWORD);
        refused(get(doctor.session, null));
        given().redirects().follow(false).get("/console/login").then().statusCode(200).body(containsString("_csrf"));
    }
}
