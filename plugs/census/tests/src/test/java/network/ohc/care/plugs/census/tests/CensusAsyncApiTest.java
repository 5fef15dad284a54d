package network.ohc.care.plugs.census.tests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import org.junit.jupiter.api.Test;

/** With census in the image, Care's AsyncAPI document carries census' signal, with the schema of its contract jar. */
@QuarkusTest
class CensusAsyncApiTest {
    static final String KEY = "census.ward-occupancy-changed.v1";

    @Test
    void theServedDocumentHasCensusSignalInProcessAndOnKafka() {
        JsonPath doc = given().get("/api/v1/bus/asyncapi").then().statusCode(200).extract().jsonPath();
        assertEquals(SignalSchemas.id("census.ward-occupancy-changed", 1), doc.getString("components.schemas.'" + KEY + "'.$id"));
        assertEquals(List.of("envelope", "wardId", "beds", "occupied", "available", "bedId"),
                doc.getList("components.schemas.'" + KEY + "'.required"));
        assertEquals("#/components/messages/" + KEY, doc.getString("channels.signals.messages.'" + KEY + "'.$ref"));
        assertEquals("#/components/messages/kafka." + KEY, doc.getString("channels.kafka.messages.'" + KEY + "'.$ref"));
        // The webhooks plug delivers core's types only.
        assertNull(doc.get("channels.webhooks.messages.'" + KEY + "'"));
        assertEquals("care.encounter.patient-admitted v1",
                doc.getString("components.messages.'care.encounter.patient-admitted.v1'.title"), "core's signals are there too");
    }
}
