package network.ohc.care.plugs.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import network.ohc.care.bus.contracts.webhooks.WebhookHeaders;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.jboss.logging.Logger;

/**
 * Sends queued deliveries: per endpoint, the oldest pending one, when due. The row stays locked (FOR UPDATE SKIP
 * LOCKED) while its request is in flight, so several Care instances never send it twice at once.
 */
@ApplicationScoped
public class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);

    @Inject
    PlugRuntime care;
    @Inject
    WebhooksConfig config;
    @Inject
    Formats formats;
    @Inject
    ObjectMapper json;

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private ScheduledExecutorService loop;
    private volatile HttpClient http;

    void start(@Observes StartupEvent event) {
        List<String> problems = new ArrayList<>();
        config.endpoint().forEach((id, e) -> {
            problems.addAll(Rules.check(id, e.url(), e.secret(), e.types(), config.allowHttp()));
            String format = formats.problem(id, e.format());
            if (format != null) {
                problems.add(format);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug " + Plug.NAME + ": " + String.join("; ", problems));
        }
        // A thread per endpoint: a receiver that hangs until the timeout delays only its own queue.
        loop = Executors.newScheduledThreadPool(Math.max(1, config.endpoint().size()), r -> {
            Thread t = new Thread(r, "webhooks-sender");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.pollInterval().toMillis());
        config.endpoint().forEach((id, target) -> loop.scheduleWithFixedDelay(() -> sendDue(id, target), every, every,
                TimeUnit.MILLISECONDS));
    }

    /** Made at the first delivery, not at start: building it loads the JDK's trust store (~0.1 s of every start). */
    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
                    http = c;
                }
            }
        }
        return c;
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    void sendDue(String endpoint, WebhooksConfig.Endpoint target) {
        try {
            while (sendNext(endpoint, target)) {
                // drain what is due for this endpoint, in order
            }
        } catch (Exception ex) {
            LOG.warnf("webhooks: endpoint %s: %s", endpoint, ex.getMessage());
        }
    }

    /** Sends the endpoint's oldest pending delivery if it is due; true if it was delivered (so the next may go). */
    boolean sendNext(String endpoint, WebhooksConfig.Endpoint target) throws SQLException {
        return care.database().transaction(c -> {
            long id;
            String signalId;
            String type;
            String payload;
            String headers;
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, signal_id, signal_type, payload, attempts, next_attempt_at <= now(), headers
                    FROM delivery WHERE endpoint = ? AND status = 'PENDING' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
                ps.setString(1, endpoint);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(6)) {
                        return false;
                    }
                    id = rs.getLong(1);
                    signalId = rs.getString(2);
                    type = rs.getString(3);
                    payload = rs.getString(4);
                    attempts = rs.getInt(5) + 1;
                    headers = rs.getString(7);
                }
            }
            Integer status = null;
            String error = null;
            try {
                HttpResponse<Void> response = client().send(request(target, id, signalId, type, payload, headers), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status / 100 != 2) {
                    error = "HTTP " + status;
                }
            } catch (Exception ex) {
                error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
                if (ex instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            if (error == null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, "
                        + "last_error = NULL, delivered_at = now() WHERE id = ?")) {
                    ps.setInt(1, attempts);
                    ps.setObject(2, status);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                state(c, endpoint, true, status, null);
                return true;
            }
            boolean last = attempts >= config.maxAttempts();
            Instant next = Instant.now().plus(backoff(attempts));
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?, "
                    + "next_attempt_at = ? WHERE id = ?")) {
                ps.setString(1, last ? "FAILED" : "PENDING");
                ps.setInt(2, attempts);
                ps.setObject(3, status);
                ps.setString(4, error);
                ps.setTimestamp(5, Timestamp.from(next));
                ps.setLong(6, id);
                ps.executeUpdate();
            }
            state(c, endpoint, false, status, error);
            if (last) {
                LOG.warnf("webhooks: delivery %d of %s to endpoint %s failed after %d attempts: %s", id, type, endpoint, attempts, error);
            }
            // A FAILED delivery no longer holds the queue back.
            return last;
        });
    }

    Duration backoff(int attempts) {
        long initial = config.backoffInitial().toMillis();
        long max = config.backoffMax().toMillis();
        long wait = initial << Math.min(30, attempts - 1);
        return Duration.ofMillis(wait <= 0 || wait > max ? max : wait);
    }

    private HttpRequest request(WebhooksConfig.Endpoint target, long id, String signalId, String type, String payload, String headers)
            throws java.io.IOException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", WebhookHeaders.USER_AGENT)
                .header(WebhookHeaders.DELIVERY, String.valueOf(id))
                .header(WebhookHeaders.SIGNAL_ID, signalId)
                .header(WebhookHeaders.SIGNAL_TYPE, type)
                .header(WebhookHeaders.TIMESTAMP, timestamp)
                .header(WebhookHeaders.SIGNATURE, WebhookHeaders.signature(target.secret(), timestamp, payload));
        if (headers != null) {
            // CloudEvents ce-* headers, fixed when the delivery was queued.
            json.readValue(headers, STRING_MAP).forEach(request::header);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
    }

    /** HMAC-SHA256 of {@code message} (the timestamp, a dot, and the body), hex. Receivers recompute and compare. */
    public static String sign(String secret, String message) {
        return WebhookHeaders.hmacSha256Hex(secret, message);
    }

    private static void state(Connection c, String endpoint, boolean ok, Integer status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ok ? """
                INSERT INTO endpoint_state (endpoint, delivered, last_status, last_success_at) VALUES (?, 1, ?, now())
                ON CONFLICT (endpoint) DO UPDATE SET consecutive_failures = 0, delivered = endpoint_state.delivered + 1,
                    last_status = excluded.last_status, last_success_at = now()""" : """
                INSERT INTO endpoint_state (endpoint, consecutive_failures, failed, last_status, last_error, last_failure_at)
                VALUES (?, 1, 1, ?, ?, now())
                ON CONFLICT (endpoint) DO UPDATE SET consecutive_failures = endpoint_state.consecutive_failures + 1,
                    failed = endpoint_state.failed + 1, last_status = excluded.last_status, last_error = excluded.last_error,
                    last_failure_at = now()""")) {
            ps.setString(1, endpoint);
            ps.setObject(2, status);
            if (!ok) {
                ps.setString(3, error);
            }
            ps.executeUpdate();
        }
    }
}
