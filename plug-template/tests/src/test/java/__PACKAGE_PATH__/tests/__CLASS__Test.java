package __PACKAGE__.tests;

import static network.ohc.care.plug.test.CareHarness.admin;
import static network.ohc.care.plug.test.CareHarness.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/** Core plus this plug on the test PostgreSQL (the harness' own database, <CARE_TEST_DB or test>_plug; or CARE_TEST_DB_URL). */
@QuarkusTest
class __CLASS__Test {
    @Test
    void seesTheFacilitiesCoreCreates() {
        CareHarness.facility();
        CareHarness.awaitDelivered("__NAME__");
        as(admin()).get("/api/v1/plugs/__NAME__/hello").then().statusCode(200)
                .body("greeting", equalTo("Hello"))
                .body("facilitiesSeen", greaterThanOrEqualTo(1));
    }

    @Test
    void needsAToken() {
        RestAssured.get("/api/v1/plugs/__NAME__/hello").then().statusCode(401);
    }
}
