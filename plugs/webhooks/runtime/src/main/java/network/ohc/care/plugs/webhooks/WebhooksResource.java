package network.ohc.care.plugs.webhooks;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations view of the webhook endpoints (superusers): state, queue, and retrying failed deliveries. */
@Path(Plug.API + "/endpoints")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plug: " + Plug.NAME, description = "Webhook endpoints of the webhooks plug: delivery state per endpoint, and retry of failed deliveries.")
public class WebhooksResource {
    @Inject
    PlugRuntime care;
    @Inject
    WebhooksConfig config;

    /** One endpoint; the secret is never part of it. */
    public record EndpointView(String id, String url, List<String> types, boolean healthy, int consecutiveFailures, long delivered,
            long failedAttempts, long pending, long failed, Integer lastStatus, String lastError, Instant lastFailureAt,
            Instant lastSuccessAt) {
    }

    @GET
    public List<EndpointView> list() throws SQLException {
        care.requireSuperuser();
        List<EndpointView> out = new ArrayList<>();
        for (Map.Entry<String, WebhooksConfig.Endpoint> e : config.endpoint().entrySet()) {
            out.add(view(e.getKey(), e.getValue()));
        }
        out.sort(java.util.Comparator.comparing(EndpointView::id));
        return out;
    }

    /** Puts the endpoint's FAILED deliveries back in its queue, with fresh attempts. */
    @POST
    @Path("{id}/retry")
    public EndpointView retry(@PathParam("id") String id) throws SQLException {
        care.requireSuperuser();
        WebhooksConfig.Endpoint e = config.endpoint().get(id);
        if (e == null) {
            throw new NotFoundException("no webhook endpoint " + id);
        }
        care.database().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now() "
                    + "WHERE endpoint = ? AND status = 'FAILED'")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        return view(id, e);
    }

    private EndpointView view(String id, WebhooksConfig.Endpoint e) throws SQLException {
        return care.database().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.consecutive_failures, s.delivered, s.failed, s.last_status, s.last_error, s.last_failure_at, s.last_success_at,
                           (SELECT count(*) FROM delivery d WHERE d.endpoint = ? AND d.status = 'PENDING'),
                           (SELECT count(*) FROM delivery d WHERE d.endpoint = ? AND d.status = 'FAILED')
                    FROM (SELECT 1) one LEFT JOIN endpoint_state s ON s.endpoint = ?""")) {
                ps.setString(1, id);
                ps.setString(2, id);
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int consecutive = rs.getInt(1);
                    long failed = rs.getLong(9);
                    var lastFailure = rs.getTimestamp(6);
                    var lastSuccess = rs.getTimestamp(7);
                    return new EndpointView(id, e.url(), e.types(), consecutive == 0 && failed == 0, consecutive, rs.getLong(2),
                            rs.getLong(3), rs.getLong(8), failed, (Integer) rs.getObject(4), rs.getString(5),
                            lastFailure == null ? null : lastFailure.toInstant(), lastSuccess == null ? null : lastSuccess.toInstant());
                }
            }
        });
    }
}
