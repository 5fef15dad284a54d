package network.ohc.care.core.bus;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.engine.BusStore;
import network.ohc.care.bus.engine.OutboxPruner;
import network.ohc.care.bus.engine.SignalBus;
import network.ohc.care.core.api.Params;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.staff.Access;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations view of signal delivery: lag, failures and dead letters per subscriber, and replay. Superusers only. */
@Path("/api/v1/bus/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Signal bus", description = "Signals after each committed change: delivery per subscriber (lag, failures, dead letters, replay) and the AsyncAPI document of the signal contracts.")
public class BusResource {
    @Inject
    BusStore store;
    @Inject
    SignalBus bus;
    @Inject
    Access access;
    @Inject
    OutboxPruner pruner;

    /**
     * A subscription's state. {@code retainedAfter}/{@code retainedAfterTime}: the outbox keeps every signal after that
     * position and every one that occurred after that time (null: nothing pruned yet); replays start there or later.
     */
    public record SubscriptionView(String name, long position, long head, long lag, long delivered, long failed,
            long openDeadLetters, String leaseOwner, Instant leaseUntil, boolean deliveredByThisInstance, String lastError,
            Instant lastErrorAt, long retainedAfter, Instant retainedAfterTime) {
    }

    public record DeadLetterView(long id, long position, UUID signalId, String type, String aggregateType, UUID aggregateId,
            int attempts, String error, boolean parked, String status, Instant createdAt) {
    }

    /**
     * What to replay: {@code deadLetters: true} retries the open dead letters in order; {@code from} (a time) or
     * {@code fromPosition} rewinds the subscriber so it sees every signal after that point again.
     */
    public record Replay(Boolean deadLetters, Instant from, @PositiveOrZero Long fromPosition) {
    }

    @GET
    public List<SubscriptionView> list() throws SQLException {
        access.requireSuperuser();
        long head = store.headSeq();
        BusStore.Retained kept = store.retained();
        return store.subscriptions().stream().map(s -> new SubscriptionView(s.name(), s.position(), head,
                Math.max(0, head - s.position()), s.delivered(), s.failed(), s.openDeadLetters(), s.leaseOwner(), s.leaseUntil(),
                bus.instance().equals(s.leaseOwner()), s.lastError(), s.lastErrorAt(), kept.after(), kept.through())).toList();
    }

    @GET
    @Path("{name}/dead-letters")
    public List<DeadLetterView> deadLetters(@PathParam("name") String name, @QueryParam("all") String all) throws SQLException {
        access.requireSuperuser();
        requireKnown(name);
        boolean everything = Boolean.TRUE.equals(Params.bool("all", all));
        return store.deadLetters(name, !everything, 1000).stream().map(d -> new DeadLetterView(d.id(), d.seq(), d.signalId(), d.type(),
                d.aggregateType(), d.aggregateId(), d.attempts(), d.error(), d.parked(), d.status(), d.createdAt())).toList();
    }

    @POST
    @Path("{name}/replay")
    public Response replay(@PathParam("name") String name, @jakarta.validation.Valid Replay body) throws SQLException {
        access.requireSuperuser();
        requireKnown(name);
        Params.requireBody(body);
        int chosen = (Boolean.TRUE.equals(body.deadLetters()) ? 1 : 0) + (body.from() != null ? 1 : 0) + (body.fromPosition() != null ? 1 : 0);
        if (chosen != 1) {
            throw ProblemException.badRequest("deadLetters", "give exactly one of deadLetters: true, from, fromPosition");
        }
        if (Boolean.TRUE.equals(body.deadLetters())) {
            store.requestReplay(name);
        } else {
            BusStore.Retained kept = store.retained();
            if (body.from() != null && kept.through() != null && !body.from().isAfter(kept.through())) {
                throw ProblemException.unprocessable("from", "signals up to " + kept.through() + " are no longer kept (care.bus.retention="
                        + pruner.retention() + "); replay from a later time");
            }
            if (body.fromPosition() != null && body.fromPosition() < kept.after()) {
                throw ProblemException.unprocessable("fromPosition", "signals up to position " + kept.after()
                        + " are no longer kept (care.bus.retention=" + pruner.retention() + "); replay from " + kept.after() + " or later");
            }
            long position = body.from() != null ? Math.max(kept.after(), store.positionBefore(body.from())) : body.fromPosition();
            store.requestRewind(name, position);
        }
        bus.recheckSubscriptions();
        return Response.accepted().build();
    }

    @POST
    @Path("{name}/dead-letters/{id}/discard")
    public Response discard(@PathParam("name") String name, @PathParam("id") long id) throws SQLException {
        access.requireSuperuser();
        requireKnown(name);
        if (store.deadLetters(name, true, 100_000).stream().noneMatch(d -> d.id() == id)) {
            throw ProblemException.notFound("open dead letter");
        }
        store.resolveDeadLetter(id, "DISCARDED");
        bus.recheckSubscriptions();
        return Response.noContent().build();
    }

    private void requireKnown(String name) throws SQLException {
        if (store.subscriptions().stream().noneMatch(s -> s.name().equals(name))) {
            throw ProblemException.notFound("subscription");
        }
    }
}
