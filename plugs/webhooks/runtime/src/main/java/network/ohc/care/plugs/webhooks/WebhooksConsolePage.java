package network.ohc.care.plugs.webhooks;

import static network.ohc.care.plug.sdk.console.Html.escape;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import network.ohc.care.plug.sdk.console.ConsoleForms;
import network.ohc.care.plug.sdk.console.ConsolePage;

/** The webhooks plug's console page: endpoint status and the retry action, for superusers as the plug's API. */
@Path(Plug.CONSOLE)
@Authenticated
public class WebhooksConsolePage {
    static final String PAGE = Plug.CONSOLE;

    @Inject
    WebhooksResource api;
    @Inject
    ConsoleForms forms;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public ConsolePage endpoints() throws SQLException {
        StringBuilder html = new StringBuilder("<table class=\"webhooks\"><thead><tr><th scope=\"col\">Endpoint</th>")
                .append("<th scope=\"col\">URL</th><th scope=\"col\">Healthy</th><th scope=\"col\">Delivered</th>")
                .append("<th scope=\"col\">Pending</th><th scope=\"col\">Failed</th><th scope=\"col\">Last error</th>")
                .append("<th scope=\"col\"><span class=\"sr-only\">Action</span></th></tr></thead><tbody>");
        for (WebhooksResource.EndpointView e : api.list()) {
            html.append("<tr><th scope=\"row\">").append(escape(e.id())).append("</th><td>").append(escape(e.url()))
                    .append("</td><td>").append(e.healthy() ? "yes" : "no").append("</td><td>").append(e.delivered())
                    .append("</td><td>").append(e.pending()).append("</td><td class=\"webhooks-failed\">").append(e.failed())
                    .append("</td><td>").append(escape(e.lastError())).append("</td><td>")
                    .append("<form method=\"post\" action=\"").append(PAGE).append('/').append(escape(e.id())).append("/retry\">")
                    .append(forms.hiddenField()).append("<button type=\"submit\">Retry failed deliveries of ")
                    .append(escape(e.id())).append("</button></form></td></tr>");
        }
        return new ConsolePage("Webhook endpoints", html.append("</tbody></table>").toString());
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") String id, @FormParam(ConsoleForms.FIELD) String csrf) throws SQLException {
        forms.check(csrf);
        api.retry(id);
        return Response.seeOther(URI.create(PAGE)).build();
    }
}
