package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.bus.BusResource;
import network.ohc.care.core.plug.PlugsResource;
import network.ohc.care.core.staff.Access;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Deployers' pages (superusers): the plugs in the image and signal delivery per subscriber. They show exactly what
 * {@code GET /api/v1/plugs} and {@code /api/v1/bus/subscriptions} answer, through the same resources and checks.
 */
@Path("/console/deploy")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DeployPages {
    @Inject
    @Location("console/plugs")
    Template plugs;
    @Inject
    @Location("console/bus")
    Template bus;
    @Inject
    @Location("console/dead-letters")
    Template deadLetters;
    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleSession session;
    @Inject
    PlugsResource plugsApi;
    @Inject
    BusResource busApi;
    @Inject
    Access access;
    @Inject
    SignalPayloads payloadStore;

    @io.quarkus.qute.TemplateData
    record SubscriptionRow(String name, long position, long head, long lag, long delivered, long failed, long openDeadLetters,
            String leaseOwner, String lastError, String lastErrorAt) {
    }

    @io.quarkus.qute.TemplateData
    record DeadLetterRow(long id, long position, String signalId, String type, String aggregate, int attempts, String error,
            String status, String createdAt, String payload) {
    }

    @io.quarkus.qute.TemplateData
    record Setting(String key, String value) {
    }

    @GET
    @Path("plugs")
    public String plugs() {
        Chrome c = chrome.of(null, ConsoleSession.ROOT + "/deploy/plugs");
        access.requireSuperuser();
        List<Object> rows = plugsApi.list().stream().<Object>map(p -> new PlugView(p.name(), p.version(), p.source(), p.commit(),
                p.health(), p.description(), p.config().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Setting(e.getKey(), e.getValue())).toList()))
                .toList();
        return plugs.data("chrome", c).data("plugs", rows).render();
    }

    @io.quarkus.qute.TemplateData
    record PlugView(String name, String version, String source, String commit, String health, String description,
            List<Setting> config) {
    }

    @GET
    @Path("bus")
    public String subscriptions() throws SQLException {
        Chrome c = chrome.of(null, ConsoleSession.ROOT + "/deploy/bus");
        List<SubscriptionRow> rows = busApi.list().stream().map(s -> new SubscriptionRow(s.name(), s.position(), s.head(), s.lag(),
                s.delivered(), s.failed(), s.openDeadLetters(), s.leaseOwner() == null ? "" : s.leaseOwner(),
                s.lastError() == null ? "" : s.lastError(), Views.when(s.lastErrorAt()))).toList();
        return bus.data("chrome", c).data("subscriptions", rows).render();
    }

    @GET
    @Path("bus/{name}")
    public String deadLetters(@PathParam("name") String name) throws SQLException {
        Chrome c = chrome.of(null, ConsoleSession.ROOT + "/deploy/bus");
        List<BusResource.DeadLetterView> letters = busApi.deadLetters(name, "true");
        Map<Long, String> payloads = payloadStore.byPosition(letters.stream().map(BusResource.DeadLetterView::position).toList());
        List<DeadLetterRow> rows = letters.stream().map(d -> new DeadLetterRow(d.id(), d.position(), String.valueOf(d.signalId()),
                d.type(), d.aggregateType() + " " + d.aggregateId(), d.attempts(), d.error() == null ? "" : d.error(), d.status(),
                Views.when(d.createdAt()), payloads.get(d.position()))).toList();
        boolean open = rows.stream().anyMatch(r -> "OPEN".equals(r.status()));
        return deadLetters.data("chrome", c).data("name", name).data("letters", rows).data("anyOpen", open).render();
    }

    @POST
    @Path("bus/{name}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("name") String name, @RestForm(ConsoleSession.CSRF_FIELD) String csrf) throws SQLException {
        chrome.requireSession();
        session.checkCsrf(csrf);
        busApi.replay(name, new BusResource.Replay(true, null, null));
        return Response.seeOther(URI.create(ConsoleSession.ROOT + "/deploy/bus/" + name)).build();
    }
}
