package network.ohc.care.core.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import network.ohc.care.core.TestApi;
import org.junit.jupiter.api.Test;

/** Per-subscriber metrics at /q/metrics: delivered counts up, and lag comes back to zero once a subscriber caught up. */
@QuarkusTest
class BusMetricsTest {
    static double metric(String name, String subscriber) {
        String metrics = TestApi.metrics();
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("subscriber=\"" + subscriber + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void deliveredAndLagPerSubscriber() {
        double before = metric("care_bus_delivered_total", "test-recorder");
        TestApi.facility();
        await().atMost(Duration.ofSeconds(20)).until(() -> metric("care_bus_delivered_total", "test-recorder") > before);
        await().atMost(Duration.ofSeconds(20)).until(() -> metric("care_bus_lag", "test-recorder") == 0);
        assertTrue(metric("care_bus_latency_seconds_count", "test-recorder") > 0, "commit-to-handler latency is recorded");
    }
}
