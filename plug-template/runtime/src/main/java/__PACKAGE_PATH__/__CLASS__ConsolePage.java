package __PACKAGE__;

import static network.ohc.care.plug.sdk.console.Html.escape;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Map;
import network.ohc.care.plug.sdk.console.ConsolePage;

/**
 * The plug's page in Care's console, at Plug.CONSOLE (/console/plugs/__NAME__): what its API answers, as HTML. Core wraps the
 * fragment in the console's layout; escape every value, and add no inline script or style (the console's CSP forbids
 * them). A page with forms injects {@code ConsoleForms}: {@code hiddenField()} in each form, {@code check(csrf)} first
 * in each POST.
 */
@Path(Plug.CONSOLE)
@Authenticated
public class __CLASS__ConsolePage {
    static final String PAGE = Plug.CONSOLE;

    @Inject
    __CLASS__Resource api;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public ConsolePage page() throws SQLException {
        // The API's own method: the page sees exactly what GET /api/v1/plugs/__NAME__/hello answers, with its checks.
        Map<String, Object> hello = api.hello();
        String html = "<dl class=\"facts\" id=\"" + Plug.NAME + "-facts\">"
                + "<dt>Greeting</dt><dd>" + escape(hello.get("greeting")) + "</dd>"
                + "<dt>Facilities seen</dt><dd>" + escape(hello.get("facilitiesSeen")) + "</dd>"
                + "</dl>";
        return new ConsolePage(Plug.NAME, html);
    }
}
