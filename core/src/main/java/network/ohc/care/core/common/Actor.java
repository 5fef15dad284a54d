package network.ohc.care.core.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;

/** The username acting in the current request, or "system" for startup and background work. */
public final class Actor {
    public static final String SYSTEM = "system";

    private Actor() {
    }

    public static String current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM;
        }
        return identity.getPrincipal().getName();
    }
}
