package network.ohc.care.core.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in to the console as a browser would (form, cookies, CSRF field) and posts its forms. */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    final String session;
    final String refresh;

    private ConsoleClient(String session, String refresh) {
        this.session = session;
        this.refresh = refresh;
    }

    static ConsoleClient signIn(String username, String password) {
        Response form = given().redirects().follow(false).get("/console/login");
        String loginCookie = form.getCookie(ConsoleSession.LOGIN_COOKIE);
        Response r = given().redirects().follow(false).cookie(ConsoleSession.LOGIN_COOKIE, loginCookie)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", username, "password", password, "_csrf", csrf(form.asString())))
                .post("/console/login");
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.asString());
        }
        return new ConsoleClient(r.getCookie(ConsoleSession.COOKIE), r.getCookie(ConsoleSession.REFRESH_COOKIE));
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page");
        }
        return m.group(1);
    }

    Response get(String path) {
        return given().redirects().follow(false).cookie(ConsoleSession.COOKIE, session).cookie(ConsoleSession.REFRESH_COOKIE, refresh).get(path);
    }

    /** Posts a form with the CSRF token of the page it came from. */
    Response post(String path, Map<String, String> fields) {
        String token = csrf(get("/console").asString());
        return postWithToken(path, fields, token);
    }

    Response postWithToken(String path, Map<String, String> fields, String token) {
        var spec = given().redirects().follow(false).cookie(ConsoleSession.COOKIE, session).cookie(ConsoleSession.REFRESH_COOKIE, refresh)
                .contentType("application/x-www-form-urlencoded").formParams(fields);
        if (token != null) {
            spec = spec.formParam("_csrf", token);
        }
        return spec.post(path);
    }
}
