package network.ohc.care.core.staff;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Brute force against sign-in (probe finding 1): growing delays per account and per address, answered 429. */
@QuarkusTest
class LoginThrottleTest {
    @Inject
    LoginThrottle throttle;
    @Inject
    LoginThrottleConfig config;

    private static ValidatableResponse login(String username, String password, String address) {
        return RestAssured.given().contentType("application/json").header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login").then();
    }

    private static String newUser() {
        String username = TestApi.unique("bf").toLowerCase();
        as(admin()).body(Map.of("username", username, "password", TestApi.STAFF_PASSWORD, "fullName", "Brute Force Target"))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }

    @Test
    void wrongPasswordsForOneAccountAreSlowedDownEvenFromManyAddresses() {
        String user = newUser();
        int free = config.accountFreeFailures();
        for (int i = 0; i < free; i++) {
            login(user, "wrong-" + i, "10.1.0." + i).statusCode(401);
        }
        // The next failure sets a wait; from then on even the right password waits, from any address.
        login(user, "wrong-again", "10.1.1.1").statusCode(401);
        TestApi.problem(login(user, TestApi.STAFF_PASSWORD, "10.1.2.2"), 429).header("Retry-After", notNullValue())
                .body("title", equalTo("Too many attempts"));
        TestApi.problem(login(user, "wrong", "10.1.2.3"), 429);
        // Another account is not affected.
        login(newUser(), TestApi.STAFF_PASSWORD, "10.1.2.4").statusCode(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDown() {
        String address = "10.2." + (int) (Math.random() * 250) + ".9";
        for (int i = 0; i < config.addressFreeFailures() + 1; i++) {
            login(TestApi.unique("nobody"), "x", address).statusCode(401);
        }
        String user = newUser();
        TestApi.problem(login(user, TestApi.STAFF_PASSWORD, address), 429).header("Retry-After", notNullValue());
        login(user, TestApi.STAFF_PASSWORD, "10.3.0.1").statusCode(200);
    }

    @Test
    void delaysGrowAndStayBelowAHundredFailuresAnHourPerAccount() {
        assertEquals(Duration.ZERO, throttle.delayAfter(config.accountFreeFailures(), config.accountFreeFailures()));
        assertEquals(config.baseDelay(), throttle.delayAfter(config.accountFreeFailures() + 1, config.accountFreeFailures()));
        assertEquals(config.baseDelay().multipliedBy(2), throttle.delayAfter(config.accountFreeFailures() + 2, config.accountFreeFailures()));
        assertEquals(config.maxDelay(), throttle.delayAfter(1000, config.accountFreeFailures()));
        // An attacker trying as fast as allowed for an hour, from a fresh address each time.
        String account = TestApi.unique("simulated");
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        Instant end = t.plus(Duration.ofHours(1));
        int attempts = 0;
        int address = 0;
        while (t.isBefore(end)) {
            Duration wait = throttle.waitFor(account, "sim-" + address, t);
            if (wait.isZero()) {
                throttle.failed(account, "sim-" + address++, t);
                attempts++;
            } else {
                t = t.plus(wait);
            }
        }
        assertTrue(attempts <= 100, attempts + " failed attempts in an hour");
        assertTrue(attempts > config.accountFreeFailures(), "the real user is slowed, never locked out: " + attempts);
        System.out.println("login throttle: " + attempts + " failed attempts possible per account per hour");
    }
}
