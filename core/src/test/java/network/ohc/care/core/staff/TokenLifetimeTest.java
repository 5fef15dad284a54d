package network.ohc.care.core.staff;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Probe finding 5: tokens die with the credentials or roles they were issued for; refresh tokens rotate. */
@QuarkusTest
class TokenLifetimeTest {
    @Inject
    TokenConfig config;

    record User(String id, String username) {
    }

    private static User newUser() {
        String username = TestApi.unique("tl").toLowerCase();
        String id = as(admin()).body(Map.of("username", username, "password", TestApi.STAFF_PASSWORD, "fullName", "Token Holder"))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        return new User(id, username);
    }

    private static JsonPath signIn(String username, String password) {
        return RestAssured.given().contentType("application/json").header("X-Forwarded-For", "10.9.9.9")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login").then().statusCode(200)
                .extract().jsonPath();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return RestAssured.given().contentType("application/json").body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh").then();
    }

    @Test
    void accessTokensAreShortLivedAndRefreshTokensRotate() {
        User u = newUser();
        JsonPath first = signIn(u.username(), TestApi.STAFF_PASSWORD);
        org.junit.jupiter.api.Assertions.assertEquals(config.accessLifetime().toSeconds(), first.getLong("expiresIn"));
        JsonPath second = refresh(first.getString("refreshToken")).statusCode(200).extract().jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        as(second.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200).body("username", equalTo(u.username()));
        JsonPath third = refresh(second.getString("refreshToken")).statusCode(200).extract().jsonPath();
        // The first refresh token presented again: stolen. The whole family is revoked, the newest one too.
        TestApi.problem(refresh(first.getString("refreshToken")), 401);
        TestApi.problem(refresh(third.getString("refreshToken")), 401);
        // Another sign-in (another family) is unaffected.
        JsonPath other = signIn(u.username(), TestApi.STAFF_PASSWORD);
        refresh(other.getString("refreshToken")).statusCode(200);
        TestApi.problem(refresh("not-a-token"), 401);
        TestApi.problem(RestAssured.given().contentType("application/json").body("{}").post("/api/v1/auth/refresh").then(), 400)
                .body("errors.field", hasItem("refreshToken"));
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndEndsEveryToken() {
        User u = newUser();
        JsonPath a = signIn(u.username(), TestApi.STAFF_PASSWORD);
        JsonPath b = signIn(u.username(), TestApi.STAFF_PASSWORD);
        String token = a.getString("accessToken");
        TestApi.problem(as(token).body(Map.of("password", "a-new-password-1")).patch("/api/v1/users/" + u.id()).then(), 400)
                .body("errors.field", hasItem("currentPassword"));
        TestApi.problem(as(token).body(Map.of("password", "a-new-password-1", "currentPassword", "wrong-password"))
                .patch("/api/v1/users/" + u.id()).then(), 400).body("errors.field", hasItem("currentPassword"));
        as(token).get("/api/v1/auth/me").then().statusCode(200);
        as(token).body(Map.of("password", "a-new-password-1", "currentPassword", TestApi.STAFF_PASSWORD))
                .patch("/api/v1/users/" + u.id()).then().statusCode(200);
        TestApi.problem(as(token).get("/api/v1/auth/me").then(), 401);
        TestApi.problem(as(b.getString("accessToken")).get("/api/v1/auth/me").then(), 401);
        TestApi.problem(refresh(b.getString("refreshToken")), 401);
        as(signIn(u.username(), "a-new-password-1").getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void adminResetDeactivationAndRoleRemovalEndTokens() {
        User u = newUser();
        String token = signIn(u.username(), TestApi.STAFF_PASSWORD).getString("accessToken");
        as(admin()).body(Map.of("password", "reset-by-admin-1")).patch("/api/v1/users/" + u.id()).then().statusCode(200);
        TestApi.problem(as(token).get("/api/v1/auth/me").then(), 401);

        JsonPath beforeDeactivation = signIn(u.username(), "reset-by-admin-1");
        as(admin()).body(Map.of("active", false)).patch("/api/v1/users/" + u.id()).then().statusCode(200);
        as(admin()).body(Map.of("active", true)).patch("/api/v1/users/" + u.id()).then().statusCode(200);
        // Reactivation does not bring the old tokens back.
        TestApi.problem(as(beforeDeactivation.getString("accessToken")).get("/api/v1/auth/me").then(), 401);
        TestApi.problem(refresh(beforeDeactivation.getString("refreshToken")), 401);

        String facility = TestApi.facility();
        String grant = as(admin()).body(Map.of("userId", u.id(), "role", "NURSE")).post("/api/v1/facilities/" + facility + "/staff")
                .then().statusCode(201).extract().path("grantId");
        JsonPath withRole = signIn(u.username(), "reset-by-admin-1");
        as(withRole.getString("accessToken")).get("/api/v1/facilities/" + facility).then().statusCode(200);
        as(admin()).delete("/api/v1/facilities/" + facility + "/staff/" + grant).then().statusCode(204);
        TestApi.problem(as(withRole.getString("accessToken")).get("/api/v1/auth/me").then(), 401);
        TestApi.problem(refresh(withRole.getString("refreshToken")), 401);
    }

    @Test
    void onlySuperusersResetOtherUsersPasswords() {
        String facility = TestApi.facility();
        String facilityAdmin = TestApi.staff(facility, "ADMIN");
        User u = newUser();
        TestApi.problem(as(facilityAdmin).body(Map.of("password", "hijacked-password")).patch("/api/v1/users/" + u.id()).then(), 404);
    }
}
