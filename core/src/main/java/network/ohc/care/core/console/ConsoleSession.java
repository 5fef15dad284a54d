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
import io.vertx.ext.web.RoutingContext;
import network.ohc.care.core.staff.Access;
import network.ohc.care.core.staff.StaffDtos;

/**
 * The console's session: the API's bearer token and refresh token in httpOnly, SameSite=Strict cookies scoped to
 * {@code /console}, and a CSRF token every form posts back. The CSRF token is derived from the session token (which scripts cannot
 * read), so a page on another site can neither send the cookie nor know the token.
 */
@RequestScoped
public class ConsoleSession {
    public static final String COOKIE = "care_console";
    /** The API's refresh token of this sign-in; rotated whenever the access token in {@link #COOKIE} has expired. */
    public static final String REFRESH_COOKIE = "care_console_refresh";
    /** Double-submit cookie guarding the sign-in form, before there is a session. */
    public static final String LOGIN_COOKIE = "care_console_login";
    public static final String CSRF_FIELD = "_csrf";
    public static final String ROOT = "/console";
    public static final String LOGIN_PATH = ROOT + "/login";
    public static final String ASSETS = ROOT + "/assets/";
    /** Routing-context key of the access token issued by a rotation during this request. */
    private static final String ROTATED = "care.console.rotated-access";
    /** Routing-context key of the access token the browser sent, kept because the cookie jar then holds the new one. */
    private static final String PRESENTED = "care.console.presented-access";
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

    /** The CSRF token for forms rendered now: of the access token just rotated in, if any, else of the cookie's. */
    public String csrf() {
        String rotated = request.getCurrent().get(ROTATED);
        if (rotated != null) {
            return derive(rotated);
        }
        Cookie c = request.getCurrent().request().getCookie(COOKIE);
        return c == null ? "" : derive(c.getValue());
    }

    /**
     * Refuses a form post whose CSRF token is missing or is not this session's. The form was rendered with the access
     * token the browser still sends, even when that token has expired and this request rotated it.
     */
    public void checkCsrf(String submitted) {
        String presented = request.getCurrent().get(PRESENTED);
        Cookie c = request.getCurrent().request().getCookie(COOKIE);
        String sent = presented != null ? presented : c == null ? "" : c.getValue();
        String expected = sent.isEmpty() ? "" : derive(sent);
        if (expected.isEmpty() || submitted == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
    }

    /** The refresh token the browser sent, or null. */
    public String refreshToken() {
        Cookie c = request.getCurrent().request().getCookie(REFRESH_COOKIE);
        return c == null || c.getValue().isEmpty() ? null : c.getValue();
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

    /** Both cookies live as long as the refresh token, so an expired access token still arrives to be rotated. */
    public void start(StaffDtos.Token token) {
        store(request.getCurrent(), token);
        request.getCurrent().response().addCookie(cookie(LOGIN_COOKIE, "", 0));
    }

    /** Called by {@link ConsoleAuthMechanism} when it rotated the session's tokens during this request. */
    static void rotated(RoutingContext context, String presentedAccess, StaffDtos.Token token) {
        context.put(PRESENTED, presentedAccess == null ? "" : presentedAccess);
        store(context, token);
        context.put(ROTATED, token.accessToken());
    }

    private static void store(RoutingContext context, StaffDtos.Token token) {
        boolean ssl = context.request().isSSL();
        context.response().addCookie(cookie(COOKIE, token.accessToken(), token.refreshExpiresIn(), ssl));
        context.response().addCookie(cookie(REFRESH_COOKIE, token.refreshToken(), token.refreshExpiresIn(), ssl));
    }

    public void end() {
        request.getCurrent().response().addCookie(cookie(COOKIE, "", 0));
        request.getCurrent().response().addCookie(cookie(REFRESH_COOKIE, "", 0));
    }

    private Cookie cookie(String name, String value, long maxAge) {
        return cookie(name, value, maxAge, request.getCurrent().request().isSSL());
    }

    private static Cookie cookie(String name, String value, long maxAge, boolean ssl) {
        Cookie c = Cookie.cookie(name, value).setPath(ROOT).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(ssl);
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
