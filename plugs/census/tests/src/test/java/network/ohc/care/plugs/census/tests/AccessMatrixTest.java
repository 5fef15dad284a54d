package network.ohc.care.plugs.census.tests;

import static network.ohc.care.plug.test.AccessMatrix.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.test.AccessMatrix;
import network.ohc.care.plug.test.CareHarness;
import network.ohc.care.plug.test.CoreAccessRows;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The access matrix of this application (core and census), built from its OpenAPI document: every operation has a
 * row, and every row holds for the superuser, each role of the facility, each role of another, and no token.
 */
@QuarkusTest
class AccessMatrixTest {
    @Inject
    PoisonSubscriber poison;

    @Test
    void everyOperationOfCoreAndCensusHoldsForEveryPrincipal() {
        String own = CareHarness.facility();
        String other = CareHarness.facility();
        AccessMatrix m = new AccessMatrix();
        CoreAccessRows.addTo(m, own, this::openDeadLetter);
        m.facility("GET /api/v1/plugs/census/facilities/{facilityId}", AccessMatrix.ALL_ROLES,
                t -> as(t).get("/api/v1/plugs/census/facilities/" + own));
        m.assertHolds(AccessMatrix.Principals.create(own, other));
    }

    @Test
    void nobodyEscalatesHerOwnAccess() {
        String own = CareHarness.facility();
        List<String> failures = new ArrayList<>();
        for (String role : List.of("DOCTOR", "NURSE", "STAFF")) {
            String failure = CoreAccessRows.selfEscalation(own, role);
            if (failure != null) {
                failures.add(failure);
            }
        }
        String superuser = CoreAccessRows.adminCreatingASuperuser(own);
        if (superuser != null) {
            failures.add(superuser);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** "subscriber/id" of a fresh open dead letter. */
    String openDeadLetter() {
        UUID aggregate = UUID.randomUUID();
        poison.poisoned().add(aggregate);
        CareHarness.publish(FacilityUpdated.class, "Facility", aggregate, aggregate,
                e -> new FacilityUpdated(e, aggregate, "Poison", "CLINIC", null, null, true));
        String path = "/api/v1/bus/subscriptions/" + PoisonSubscriber.NAME + "/dead-letters";
        Integer id = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> CareHarness.as(CareHarness.admin()).get(path).then()
                .statusCode(200).extract().<Integer>path("find { it.aggregateId == '" + aggregate + "' }.id"), v -> v != null);
        return PoisonSubscriber.NAME + "/" + id;
    }

}
