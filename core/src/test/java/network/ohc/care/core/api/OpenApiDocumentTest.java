package network.ohc.care.core.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What makes {@code /q/openapi} usable by client generators (Redocly's recommended rules run on it in the integration
 * tests, ApiClientIT): an id per operation, unique; security stated on every operation, {@code []} on the public ones;
 * servers; a license; a description per tag.
 */
@QuarkusTest
class OpenApiDocumentTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAUniqueIdAndStatesItsSecurity() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<String> ids = new HashSet<>();
        for (var p : paths.entrySet()) {
            for (var o : p.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(o.getKey())) {
                    continue;
                }
                String id = (String) o.getValue().get("operationId");
                assertNotNull(id, o.getKey() + " " + p.getKey());
                assertTrue(id.matches("[a-z][A-Za-z0-9]+"), id);
                assertTrue(ids.add(id), "duplicate " + id);
                assertNotNull(o.getValue().get("security"), o.getKey() + " " + p.getKey());
            }
        }
        assertEquals("login", doc.getString("paths.'/api/v1/auth/login'.post.operationId"));
        assertEquals(List.of(), doc.getList("paths.'/api/v1/auth/login'.post.security"));
        assertEquals(List.of(), doc.getList("paths.'/api/v1/bus/asyncapi'.get.security"));
        assertEquals(List.of(Map.of("SecurityScheme", List.of())), doc.getList("paths.'/api/v1/patients'.post.security"));
        assertEquals("registerPatient", doc.getString("paths.'/api/v1/patients'.post.operationId"));
        assertEquals("MIT", doc.getString("info.license.name"));
        assertEquals("/", doc.getString("servers[0].url"));
        for (Map<String, Object> tag : (List<Map<String, Object>>) (List<?>) doc.getList("tags")) {
            assertNotNull(tag.get("description"), "tag " + tag.get("name"));
        }
    }
}
