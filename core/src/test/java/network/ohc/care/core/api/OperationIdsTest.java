package network.ohc.care.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The operation ids generated clients get, for the kinds of paths core and plugs have. */
class OperationIdsTest {
    static void id(String expected, String method, String path, String javaMethod) {
        assertEquals(expected, OperationIds.of(path, method, javaMethod), method + " " + path + " (" + javaMethod + ")");
    }

    @Test
    void collectionsAndRecords() {
        id("listFacilities", "GET", "/api/v1/facilities", "list");
        id("createFacility", "POST", "/api/v1/facilities", "create");
        id("getFacility", "GET", "/api/v1/facilities/{id}", "get");
        id("updateFacility", "PATCH", "/api/v1/facilities/{id}", "update");
        id("listFacilityLocations", "GET", "/api/v1/facilities/{facilityId}/locations", "list");
        id("createLocation", "POST", "/api/v1/facilities/{facilityId}/locations", "create");
        id("getLocation", "GET", "/api/v1/facilities/{facilityId}/locations/{id}", "get");
        id("listSubscriptions", "GET", "/api/v1/bus/subscriptions", "list");
        id("listPlugs", "GET", "/api/v1/plugs", "list");
    }

    @Test
    void javaMethodsThatAreVerbsNameTheOperation() {
        id("registerPatient", "POST", "/api/v1/patients", "register");
        id("grantStaff", "POST", "/api/v1/facilities/{facilityId}/staff", "grant");
        id("revokeStaff", "DELETE", "/api/v1/facilities/{facilityId}/staff/{grantId}", "revoke");
        id("admitEncounter", "POST", "/api/v1/encounters/{id}/admit", "admit");
        id("replaySubscription", "POST", "/api/v1/bus/subscriptions/{name}/replay", "replay");
        id("discardDeadLetter", "POST", "/api/v1/bus/subscriptions/{name}/dead-letters/{id}/discard", "discard");
        id("login", "POST", "/api/v1/auth/login", "login");
        id("getMe", "GET", "/api/v1/auth/me", "me");
        id("getAsyncApi", "GET", "/api/v1/bus/asyncapi", "asyncApi");
    }

    @Test
    void listsThatBelongToARecord() {
        id("listEncounterBeds", "GET", "/api/v1/encounters/{id}/beds", "beds");
        id("listSubscriptionDeadLetters", "GET", "/api/v1/bus/subscriptions/{name}/dead-letters", "deadLetters");
        id("listFacilityStaff", "GET", "/api/v1/facilities/{facilityId}/staff", "list");
    }

    @Test
    void aPlugsPathsCarryItsName() {
        id("getCensusFacility", "GET", "/api/v1/plugs/census/facilities/{facilityId}", "facility");
        id("listWebhooksEndpoints", "GET", "/api/v1/plugs/webhooks/endpoints", "list");
        id("retryWebhooksEndpoint", "POST", "/api/v1/plugs/webhooks/endpoints/{id}/retry", "retry");
        id("listBedAlertsAlerts", "GET", "/api/v1/plugs/bed-alerts/alerts", "list");
    }
}
