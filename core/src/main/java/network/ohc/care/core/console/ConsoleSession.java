package network.ohc.care.core.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.staff.Access;

/**
 * The console's session: the API's bearer token in an httpOnly, SameSite=Strict cookie scoped to {@code /console},
 * and a CSRF token every form posts back. The CSRF token is derived from the session token (which scripts cannot
 * read), so a page on another site can neither send the cookie nor know the token.
 */
@RequestScoped
public class ConsoleSession {
    public static final String COOKIE = "care_console";
    /** Double-submit cookie guarding the sign-in form, before there is a session. */
    public static final String LOGIN_COOKIE = "care_console_login";
    public static final String CSRF_FIELD = "_csrf";
    public static final String ROOT = "/console";
    public static final String LOGIN_PATH = ROOT + "/login";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecurityIdentity identity;
    @Inject
    Access access;
    @Inject
    CurrentVertxRequest request;

    public static boolean inConsole(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }

    /** True when the request carries a valid session of an active account. */
    public boolean signedIn() {
        if (identity.isAnonymous()) {
            return false;
        }
        try {
            access.user();
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    public String csrf() {
        Cookie c = request.getCurrent().request().getCookie(COOKIE);
        return c == null ? "" : derive(c.getValue());
    }

    /** Refuses a form post whose CSRF token is missing or is not this session's. */
    public void checkCsrf(String submitted) {
        String expected = csrf();
        if (expected.isEmpty() || submitted == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    /** Issues a fresh double-submit value for the sign-in form. */
    public String newLoginCsrf() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        request.getCurrent().response().addCookie(cookie(LOGIN_COOKIE, value, -1));
        return value;
    }

    public void checkLoginCsrf(String submitted) {
        Cookie c = request.getCurrent().request().getCookie(LOGIN_COOKIE);
        if (c == null || submitted == null || c.getValue().isEmpty()
                || !MessageDigest.isEqual(c.getValue().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    public void start(String token, long maxAgeSeconds) {
        request.getCurrent().response().addCookie(cookie(COOKIE, token, maxAgeSeconds));
        request.getCurrent().response().addCookie(cookie(LOGIN_COOKIE, "", 0));
    }

    public void end() {
        request.getCurrent().response().addCookie(cookie(COOKIE, "", 0));
    }

    private Cookie cookie(String name, String value, long maxAge) {
        Cookie c = Cookie.cookie(name, value).setPath(ROOT).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(request.getCurrent().request().isSSL());
        if (maxAge >= 0) {
            c.setMaxAge(maxAge);
        }
        return c;
    }

    static String derive(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest(("care-console-csrf|" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form post without this session's CSRF token. */
    public static class CsrfRefused extends RuntimeException {
        public CsrfRefused() {
            super("the form is out of date or did not come from this console: reload the page and try again");
        }
    }
}
