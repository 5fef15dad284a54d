package network.ohc.care.plugs.census.tests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void theServedDocumentHasCensusSignalOnEveryChannel() {
        JsonPath doc = given().get("/api/v1/bus/asyncapi").then().statusCode(200).extract().jsonPath();
        assertEquals(SignalSchemas.id("census.ward-occupancy-changed", 1), doc.getString("components.schemas.'" + KEY + "'.$id"));
        assertEquals(List.of("envelope", "wardId", "beds", "occupied", "available", "bedId"),
                doc.getList("components.schemas.'" + KEY + "'.required"));
        for (String channel : List.of("signals", "kafka", "webhooks")) {
            String prefix = channel.equals("signals") ? "" : channel.equals("kafka") ? "kafka." : "webhook.";
            assertEquals("#/components/messages/" + prefix + KEY, doc.getString("channels." + channel + ".messages.'" + KEY + "'.$ref"));
        }
        assertEquals("care.encounter.patient-admitted v1",
                doc.getString("components.messages.'care.encounter.patient-admitted.v1'.title"), "core's signals are there too");
    }
}
