package network.ohc.care.core.contracts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import network.ohc.care.bus.contracts.schema.Json;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document Care serves is the one checked in under bus-contracts, built from the image's schema resources. */
@QuarkusTest
class AsyncApiResourceTest {
    @Test
    @SuppressWarnings("unchecked")
    void servesTheCheckedInDocumentToAnyoneWithoutAToken() throws Exception {
        String served = given().get("/api/v1/bus/asyncapi").then().statusCode(200).contentType("application/json").extract().asString();
        Map<String, Object> doc = Json.parseObject(served);
        Map<String, Object> published = Json.parseObject(Files.readString(Path.of("../bus-contracts/asyncapi.json")));
        // Only the version differs: core's image here, the contracts' build there.
        ((Map<String, Object>) published.get("info")).put("version", ((Map<String, Object>) doc.get("info")).get("version"));
        assertEquals(Json.write(published), Json.write(doc));
    }
}
