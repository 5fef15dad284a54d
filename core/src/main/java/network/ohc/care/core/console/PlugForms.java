package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import network.ohc.care.plug.sdk.console.ConsoleForms;
import network.ohc.care.plug.sdk.console.Html;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's CSRF protection for plugs' console pages. */
@ApplicationScoped
public class PlugForms implements ConsoleForms {
    @Inject
    ConsoleSession session;
    @Inject
    ConsoleErrors errors;

    @Override
    public String hiddenField() {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.escape(session.csrf()) + "\">";
    }

    @Override
    public void check(String submitted) {
        session.checkCsrf(submitted);
    }

    /** Plugs' pages have no mappers of core's; a refused form there is the console's 403 page too. */
    @ServerExceptionMapper
    public Response csrf(ConsoleSession.CsrfRefused e) {
        return errors.csrf(e);
    }
}
