package network.ohc.care.plug.test;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens a forger could make from a superuser's real one. Each must be refused with 401 wherever a token is
 * needed; the expired one is signed with the application's own key, so only its expiry is wrong.
 */
final class BadTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private BadTokens() {
    }

    static Map<String, String> from(String superuserToken) {
        String[] parts = superuserToken.split("\\.");
        Map<String, Object> claims = claims(parts[1]);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "not-a-token");
        bad.put("alg none", encode(Map.of("alg", "none", "typ", "JWT")) + "." + parts[1] + ".");
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put("upn", "someone-else");
        bad.put("changed payload", parts[0] + "." + encode(changed) + "." + parts[2]);
        bad.put("expired", signed(claims, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)));
        // Control: the same claims re-signed with a live expiry must work, or the expired case proves nothing.
        String control = signed(claims, Instant.now(), Instant.now().plusSeconds(600));
        int status = given().header("Authorization", "Bearer " + control).get("/api/v1/auth/me").statusCode();
        if (status != 200) {
            throw new IllegalStateException("a re-signed copy of a valid token is refused (" + status + "): cannot make an expired one");
        }
        return bad;
    }

    private static String signed(Map<String, Object> claims, Instant issued, Instant expires) {
        Map<String, Object> rest = new LinkedHashMap<>(claims);
        rest.keySet().removeAll(java.util.Set.of("exp", "iat", "nbf", "jti"));
        return Jwt.claims(rest).issuedAt(issued).expiresAt(expires).sign();
    }

    private static Map<String, Object> claims(String payload) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(payload), new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a JWT payload", e);
        }
    }

    private static String encode(Map<String, ?> json) {
        try {
            return B64.encodeToString(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
