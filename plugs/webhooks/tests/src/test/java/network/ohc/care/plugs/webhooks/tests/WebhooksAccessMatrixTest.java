package network.ohc.care.plugs.webhooks.tests;

import static network.ohc.care.plug.test.AccessMatrix.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import network.ohc.care.plug.test.AccessMatrix;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.Test;

/**
 * The webhooks plug's own rows of the access matrix (core's rows run in census' matrix): every operation under
 * /api/v1/plugs/webhooks has a row, and endpoint status and retry are for superusers only — each facility role of
 * a facility and of another, and no token, are refused.
 */
@QuarkusTest
@QuarkusTestResource(value = Receiver.class, restrictToAnnotatedClass = true) // the same app as WebhooksTest
class WebhooksAccessMatrixTest {
    @Test
    void endpointsAndRetryAreForSuperusersOnly() {
        String own = CareHarness.facility();
        String other = CareHarness.facility();
        AccessMatrix m = new AccessMatrix().onlyUnder("/api/v1/plugs/webhooks");
        m.superuser("GET /api/v1/plugs/webhooks/endpoints", t -> as(t).get("/api/v1/plugs/webhooks/endpoints"));
        m.superuser("POST /api/v1/plugs/webhooks/endpoints/{id}/retry", t -> as(t).post("/api/v1/plugs/webhooks/endpoints/slim/retry"));
        m.assertHolds(AccessMatrix.Principals.create(own, other));
    }
}
