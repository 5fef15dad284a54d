package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import network.ohc.care.client.ApiClient;
import network.ohc.care.client.ApiException;
import network.ohc.care.client.api.AuthenticationApi;
import network.ohc.care.client.api.FacilitiesApi;
import network.ohc.care.client.api.PatientsApi;
import network.ohc.care.client.model.CreateFacility;
import network.ohc.care.client.model.FacilityKind;
import network.ohc.care.client.model.FacilityView;
import network.ohc.care.client.model.Login;
import network.ohc.care.client.model.PatientView;
import network.ohc.care.client.model.RegisterPatient;
import network.ohc.care.client.model.Sex;
import network.ohc.care.client.model.Token;
import network.ohc.care.client.model.UserView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Care's OpenAPI document is one clients can be generated from: it passes Redocly's recommended rules, and a Java client
 * generated from it at build time (openapi-generator, see the pom) signs in and registers a patient against the running
 * app, with readable method names and typed results.
 */
class ApiClientIT {
    static CareProcess care;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_client");
        data = Files.createTempDirectory("care-it-client");
        care = CareProcess.start(db.url, data, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (care != null) {
            care.close();
        }
    }

    @Test
    void theServedDocumentPassesRedoclysRecommendedRules() throws Exception {
        String served = RestAssured.given().port(care.port).accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path file = Path.of("target", "openapi-served.json");
        Files.writeString(file, served);
        Redocly.Result lint = Redocly.lint(file);
        System.out.println("redocly lint " + file + ": exit " + lint.exitCode() + " in " + lint.millis() + " ms\n" + lint.output());
        assertEquals(0, lint.exitCode(), lint.output());
        assertTrue(!java.util.regex.Pattern.compile("(?m)^\\s+\\d+:\\d+\\s+warning").matcher(lint.output()).find(),
                "no warnings either:\n" + lint.output());
    }

    @Test
    void aGeneratedClientSignsInAndRegistersAPatient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + care.port);
        AuthenticationApi auth = new AuthenticationApi(client);

        ApiException refused = assertThrows(ApiException.class,
                () -> auth.login(new Login().username("admin").password("not-the-password")));
        assertEquals(401, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"status\":401"), refused.getResponseBody());

        Token token = auth.login(new Login().username("admin").password(CareProcess.ADMIN_PASSWORD));
        assertEquals("Bearer", token.getTokenType());
        // The generated API classes take the client's interceptor when they are made: set it first.
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.getAccessToken()));
        UserView me = new AuthenticationApi(client).getMe();
        assertEquals("admin", me.getUsername());

        FacilityView facility = new FacilitiesApi(client).createFacility(new CreateFacility().name("Client Hospital " + UUID.randomUUID())
                .kind(FacilityKind.HOSPITAL).district("Ernakulam").state("Kerala"));
        PatientsApi patients = new PatientsApi(client);
        PatientView registered = patients.registerPatient(new RegisterPatient().facilityId(facility.getId()).name("Ravi")
                .sex(Sex.MALE).age(40));
        assertEquals("Ravi", registered.getName());
        assertEquals(facility.getId(), registered.getFacilityId());
        assertEquals(registered, patients.getPatient(registered.getId()));
    }
}
