package network.ohc.care.plugs.webhooks.tests;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP receiver for the tests: /ward answers 204, /flaky fails the first two requests of each signal with
 * 500, /down always answers 503. It configures the webhooks plug to send there.
 */
public class Receiver implements QuarkusTestResourceLifecycleManager {
    public static final String WARD_SECRET = "ward-secret-0123456789";
    public static final String CE_SECRET = "ce-secret-0123456789";
    public static final String CLOUDEVENTS_SOURCE = "https://care.test.example/district-hospital";

    /** A request as received. */
    public record Hit(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    public static final List<Hit> HITS = new CopyOnWriteArrayList<>();
    /** Requests /flaky has seen per signal id: counted per signal, so no test depends on another's requests. */
    private static final Map<String, AtomicInteger> FLAKY_TRIES = new java.util.concurrent.ConcurrentHashMap<>();
    /** The retry schedule configured below: the longest a retry can follow the previous attempt is about this. */
    public static final java.time.Duration BACKOFF_MAX = java.time.Duration.ofMillis(200);
    public static final java.time.Duration POLL = java.time.Duration.ofMillis(50);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            HITS.add(new Hit(path, Map.copyOf(exchange.getRequestHeaders()), body));
            int status = switch (path) {
                case "/ward", "/slim", "/ce", "/ceslim" -> 204;
                case "/flaky" -> FLAKY_TRIES.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("X-Care-Signal-Id")),
                        k -> new AtomicInteger()).incrementAndGet() <= 2 ? 500 : 200;
                default -> 503;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("plug.webhooks.config.allow-http", "true"),
                Map.entry("webhooks.receiver.base", base), // the slim endpoint (application.properties) posts here
                Map.entry("plug.webhooks.config.max-attempts", "3"),
                Map.entry("plug.webhooks.config.backoff-initial", "PT0.05S"),
                Map.entry("plug.webhooks.config.backoff-max", BACKOFF_MAX.toString()),
                Map.entry("plug.webhooks.config.poll-interval", POLL.toString()),
                Map.entry("plug.webhooks.config.endpoint.ward.url", base + "/ward"),
                Map.entry("plug.webhooks.config.endpoint.ward.secret", WARD_SECRET),
                Map.entry("plug.webhooks.config.endpoint.ward.types", "care.facility.created,care.location.created"),
                Map.entry("plug.webhooks.config.endpoint.flaky.url", base + "/flaky"),
                Map.entry("plug.webhooks.config.endpoint.flaky.secret", "flaky-secret-0123456789"),
                Map.entry("plug.webhooks.config.endpoint.flaky.types", "care.patient.registered"),
                Map.entry("plug.webhooks.config.endpoint.down.url", base + "/down"),
                Map.entry("plug.webhooks.config.endpoint.down.secret", "down-secret-0123456789"),
                Map.entry("plug.webhooks.config.endpoint.down.types", "care.facility.created"),
                // CloudEventsWebhooksTest: an endpoint with the CloudEvents headers on.
                Map.entry("care.cloudevents.source", CLOUDEVENTS_SOURCE),
                Map.entry("plug.webhooks.config.endpoint.ce.url", base + "/ce"),
                Map.entry("plug.webhooks.config.endpoint.ce.secret", CE_SECRET),
                Map.entry("plug.webhooks.config.endpoint.ce.types", "care.facility.created,care.encounter.patient-admitted"),
                Map.entry("plug.webhooks.config.endpoint.ce.cloudevents", "true"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
