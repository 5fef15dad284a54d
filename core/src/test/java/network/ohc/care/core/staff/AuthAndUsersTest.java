package network.ohc.care.core.staff;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static network.ohc.care.core.TestApi.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthAndUsersTest {
    @Inject
    PasswordHasher hasher;

    @Test
    void loginReturnsASignedExpiringJwt() {
        var body = RestAssured.given().contentType("application/json")
                .body(Map.of("username", "admin", "password", TestApi.ADMIN_PASSWORD)).post("/api/v1/auth/login").then()
                .statusCode(200).body("tokenType", equalTo("Bearer")).body("expiresIn", greaterThan(0)).extract();
        String token = body.path("accessToken");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(header.contains("RS256"), header);
        assertTrue(claims.contains("\"exp\""), claims);
        assertTrue(claims.contains("\"upn\":\"admin\""), claims);
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("username", equalTo("admin")).body("superuser", equalTo(true));
    }

    @Test
    void wrongPasswordOrUnknownUserIs401Problem() {
        problem(RestAssured.given().contentType("application/json").body(Map.of("username", "admin", "password", "wrong-password"))
                .post("/api/v1/auth/login").then(), 401);
        problem(RestAssured.given().contentType("application/json").body(Map.of("username", "nobody-here", "password", "x"))
                .post("/api/v1/auth/login").then(), 401);
        problem(RestAssured.given().contentType("application/json").body(Map.of("username", "admin"))
                .post("/api/v1/auth/login").then(), 400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void expiredOrForeignTokensAreRejected() {
        String expired = Jwt.issuer("care").subject("00000000-0000-0000-0000-000000000001").upn("admin")
                .groups(java.util.Set.of("user")).issuedAt(1000).expiresAt(2000).sign();
        as(expired).get("/api/v1/auth/me").then().statusCode(401);
        String wrongIssuer = Jwt.issuer("evil").subject("x").upn("admin").expiresIn(600).sign();
        as(wrongIssuer).get("/api/v1/auth/me").then().statusCode(401);
        // A token whose payload was edited no longer matches its signature.
        String[] parts = admin().split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"upn\":\"someone\",\"iss\":\"care\",\"exp\":9999999999}".getBytes()) + "." + parts[2];
        as(forged).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void passwordsAreStoredAsArgon2idAndVerify() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertTrue(!hasher.verify("correct horse battery stapler", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery staple"), "salted");
        assertTrue(!hasher.verify("x", "$argon2id$garbage"));
    }

    @Test
    void usersCrudAndDeactivation() {
        String username = TestApi.unique("nurse").toLowerCase();
        String id = as(admin()).body(Map.of("username", username, "password", "long-enough-pw", "fullName", "N. Urse"))
                .post("/api/v1/users").then().statusCode(201).body("username", equalTo(username)).body("superuser", equalTo(false))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash"))).extract().path("id");
        problem(as(admin()).body(Map.of("username", username.toUpperCase(), "password", "long-enough-pw", "fullName", "Dup"))
                .post("/api/v1/users").then(), 409).body("errors[0].field", equalTo("username"));
        problem(as(admin()).body(Map.of("username", "ab", "password", "short", "fullName", "X")).post("/api/v1/users").then(), 400)
                .body("errors.field", hasItem("password")).body("errors.field", hasItem("username"));
        as(admin()).queryParam("username", username).get("/api/v1/users").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(id));
        as(admin()).get("/api/v1/users/" + id).then().statusCode(200).body("fullName", equalTo("N. Urse"));

        String token = TestApi.login(username, "long-enough-pw");
        // Users read and edit themselves, not others; only superusers list users.
        as(token).get("/api/v1/users/" + id).then().statusCode(200);
        as(token).body(Map.of("fullName", "Nurse Two")).patch("/api/v1/users/" + id).then().statusCode(200)
                .body("fullName", equalTo("Nurse Two"));
        problem(as(token).get("/api/v1/users").then(), 403);
        String adminId = as(admin()).get("/api/v1/auth/me").then().extract().path("id");
        problem(as(token).get("/api/v1/users/" + adminId).then(), 404);
        problem(as(token).body(Map.of("active", false)).patch("/api/v1/users/" + id).then(), 403);
        problem(as(token).body(Map.of("username", "x1234", "password", "long-enough-pw", "fullName", "X")).post("/api/v1/users").then(), 403);

        as(admin()).body(Map.of("active", false)).patch("/api/v1/users/" + id).then().statusCode(200).body("active", equalTo(false));
        // The old token stops working and so does the password.
        as(token).get("/api/v1/auth/me").then().statusCode(401);
        problem(RestAssured.given().contentType("application/json").body(Map.of("username", username, "password", "long-enough-pw"))
                .post("/api/v1/auth/login").then(), 401);
    }

    @Test
    void facilityAdminsCreateOrdinaryUsersAndManageRoles() {
        String facility = TestApi.facility();
        String facilityAdmin = TestApi.staff(facility, "ADMIN");
        String username = TestApi.unique("doc").toLowerCase();
        String id = as(facilityAdmin).body(Map.of("username", username, "password", "long-enough-pw", "fullName", "Doc"))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        problem(as(facilityAdmin).body(Map.of("username", username + "x", "password", "long-enough-pw", "fullName", "Su",
                "superuser", true)).post("/api/v1/users").then(), 403);
        String grant = as(facilityAdmin).body(Map.of("userId", id, "role", "DOCTOR")).post("/api/v1/facilities/" + facility + "/staff")
                .then().statusCode(201).body("role", equalTo("DOCTOR")).body("username", equalTo(username)).extract().path("grantId");
        problem(as(facilityAdmin).body(Map.of("userId", id, "role", "DOCTOR")).post("/api/v1/facilities/" + facility + "/staff")
                .then(), 409).body("errors[0].field", equalTo("role"));
        problem(as(facilityAdmin).body(Map.of("userId", id, "role", "SURGEON")).post("/api/v1/facilities/" + facility + "/staff")
                .then(), 400).body("errors[0].field", equalTo("role"));
        as(facilityAdmin).get("/api/v1/facilities/" + facility + "/staff").then().statusCode(200)
                .body("username", hasItem(username));
        String token = TestApi.login(username, "long-enough-pw");
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("roles[0].facilityId", equalTo(facility))
                .body("roles[0].role", equalTo("DOCTOR"));
        as(facilityAdmin).delete("/api/v1/facilities/" + facility + "/staff/" + grant).then().statusCode(204);
        problem(as(facilityAdmin).delete("/api/v1/facilities/" + facility + "/staff/" + grant).then(), 404);
        // Removing a role ends the user's tokens; signed in again, the user holds no role here.
        as(token).get("/api/v1/auth/me").then().statusCode(401);
        as(TestApi.login(username, "long-enough-pw")).get("/api/v1/auth/me").then().statusCode(200).body("roles", hasSize(0));
    }

    @Test
    void openApiAndHealthAreServed() {
        RestAssured.given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3.")).body("paths.'/api/v1/encounters/{id}/admit'", notNullValue())
                .body("paths.'/api/v1/auth/login'", notNullValue());
    }
}
