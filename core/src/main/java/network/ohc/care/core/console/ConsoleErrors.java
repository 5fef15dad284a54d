package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import network.ohc.care.core.api.ProblemException;

/** Error pages of the console: what the API would answer as problem+json, shown as a page. */
@ApplicationScoped
public class ConsoleErrors {
    @Inject
    @Location("console/error")
    Template error;
    @Inject
    ConsoleChrome chrome;

    public Response notSignedIn() {
        return Response.seeOther(URI.create(ConsoleSession.LOGIN_PATH)).build();
    }

    public Response problem(ProblemException e) {
        if (e.status() == 401) {
            return notSignedIn();
        }
        return page(e.status(), e.title(), e.getMessage());
    }

    public Response csrf(ConsoleSession.CsrfRefused e) {
        return page(403, "Form refused", e.getMessage());
    }

    public Response page(int status, String title, String detail) {
        Chrome c;
        try {
            c = chrome.of(null, "");
        } catch (RuntimeException notSignedIn) {
            c = Chrome.anonymous();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("chrome", c).data("status", status).data("title", title).data("detail", detail).render())
                .build();
    }
}
