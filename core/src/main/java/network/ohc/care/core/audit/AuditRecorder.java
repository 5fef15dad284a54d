package network.ohc.care.core.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds access records for the current request: who (from the token) and from which address. */
@ApplicationScoped
public class AuditRecorder {
    @Inject
    AuditLog log;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;

    public boolean enabled() {
        return log.enabled();
    }

    public void record(String action, String recordType, UUID recordId, UUID patientId, UUID facilityId, Outcome outcome, int status,
            String plug, String query, boolean write) {
        if (!log.enabled()) {
            return;
        }
        UUID userId = null;
        String username = null;
        SecurityIdentity who = identity();
        if (who != null && !who.isAnonymous()) {
            username = who.getPrincipal().getName();
            if (who.getPrincipal() instanceof JsonWebToken jwt) {
                userId = parse(jwt.getSubject());
            }
        }
        log.record(new AccessRecord(Instant.now(), userId, username, action, recordType, recordId, patientId, facilityId, address(),
                outcome, status, plug, query == null || query.length() <= 1000 ? query : query.substring(0, 1000), write));
    }

    /** The identity already resolved for this request; on an IO thread (e.g. a 406 answered early) nothing is resolved anew. */
    private SecurityIdentity identity() {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null && ctx.user() instanceof QuarkusHttpUser user) {
            return user.getSecurityIdentity();
        }
        return io.vertx.core.Context.isOnEventLoopThread() ? null : identity;
    }

    private String address() {
        RoutingContext ctx = request.getCurrent();
        if (ctx == null || ctx.request().remoteAddress() == null) {
            return null;
        }
        return ctx.request().remoteAddress().hostAddress();
    }

    private static UUID parse(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
