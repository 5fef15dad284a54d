package network.ohc.care.core.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.api.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How console pages fail, for every page class at once (core's and the plugs'). The console's own exceptions are
 * thrown only under /console; the API's {@link ProblemException} becomes an error page only there and stays
 * problem+json everywhere else (this mapper outranks {@link ProblemMappers} and hands non-console requests back to it).
 */
public class ConsoleMappers {
    private static final int PRIORITY = jakarta.ws.rs.Priorities.USER - 200;
    private static final ProblemMappers API = new ProblemMappers();

    @Inject
    ConsoleErrors errors;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, UriInfo uri) {
        String path = uri.getRequestUri().getPath();
        if (path.equals(ConsoleSession.ROOT) || path.startsWith(ConsoleSession.ROOT + "/")) {
            return errors.problem(e);
        }
        return API.problem(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response form(FormErrors e) {
        return errors.page(e.status(), "Not done", e.summary() + " " + String.join("; ", e.describe()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response csrf(ConsoleSession.CsrfRefused e) {
        return errors.csrf(e);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response notSignedIn(ConsoleChrome.NotSignedIn e) {
        return errors.notSignedIn();
    }
}
