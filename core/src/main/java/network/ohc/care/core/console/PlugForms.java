package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import network.ohc.care.plug.sdk.console.ConsoleForms;
import network.ohc.care.plug.sdk.console.Html;

/** The console's CSRF protection for plugs' console pages. */
@ApplicationScoped
public class PlugForms implements ConsoleForms {
    @Inject
    ConsoleSession session;

    @Override
    public String hiddenField() {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.escape(session.csrf()) + "\">";
    }

    @Override
    public void check(String submitted) {
        session.checkCsrf(submitted);
    }
}
