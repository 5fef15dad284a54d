package network.ohc.care.core.plug;

import static io.restassured.RestAssured.given;
import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlugsResourceTest {
    @Test
    void listsThePlugsOfTheImageWithSecretsRedacted() {
        String body = as(admin()).get("/api/v1/plugs").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("sample"))
                .body("[0].version", equalTo("1.2.0"))
                .body("[0].source", equalTo("git+file:///srv/plugs/sample"))
                .body("[0].commit", equalTo("0123456789abcdef0123456789abcdef01234567"))
                .body("[0].health", equalTo("NO_CHECKS"))
                .body("[0].config.api-key", equalTo(InstalledPlugs.REDACTED))
                .body("[0].config.endpoint", equalTo("https://registry.example.org"))
                .body("[0].config.retries", equalTo("3"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("never-show-this-key"));
    }

    @Test
    void needsAToken() {
        given().get("/api/v1/plugs").then().statusCode(401).body(not(containsString("never-show-this-key")));
    }

    @Test
    void anyStaffMemberMaySeeThem() {
        String nurse = TestApi.staff(TestApi.facility(), "NURSE");
        as(nurse).get("/api/v1/plugs").then().statusCode(200).body("[0].config.api-key", equalTo(InstalledPlugs.REDACTED));
    }

    @Test
    void nothingCanAddAPlugAtRunTime() {
        as(admin()).body("{\"name\":\"evil\"}").post("/api/v1/plugs").then().statusCode(405);
    }
}
