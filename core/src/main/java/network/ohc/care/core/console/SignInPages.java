package network.ohc.care.core.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.staff.AuthResource;
import network.ohc.care.core.staff.StaffDtos;
import network.ohc.care.core.staff.TokenService;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Sign-in and sign-out. Signing in is the API's own login; the token pair it returns becomes the session cookies.
 * Signing out revokes the sign-in's refresh family, so the old cookies stop working at once.
 */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPages {
    @Inject
    @Location("console/login")
    Template login;
    @Inject
    ConsoleSession session;
    @Inject
    AuthResource auth;
    @Inject
    ConsoleErrors errors;
    @Inject
    TokenService tokens;

    @GET
    @Path("login")
    public Response form() {
        if (session.signedIn()) {
            return Response.seeOther(URI.create(ConsoleSession.ROOT)).build();
        }
        return render(200, "", FormErrors.none());
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @Context HttpServerRequest request) {
        session.checkLoginCsrf(csrf);
        if (Forms.text(username) == null) {
            return render(400, "", FormErrors.field("username", "must not be blank"));
        }
        if (password == null || password.isEmpty()) {
            return render(400, username, FormErrors.field("password", "must not be blank"));
        }
        try {
            StaffDtos.Token token = auth.login(new StaffDtos.Login(username, password), request);
            session.start(token);
            return Response.seeOther(URI.create(ConsoleSession.ROOT)).build();
        } catch (ProblemException e) {
            return render(e.status(), username, FormErrors.of(e));
        }
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm(ConsoleSession.CSRF_FIELD) String csrf) {
        if (session.signedIn()) {
            session.checkCsrf(csrf);
        }
        String refresh = session.refreshToken();
        if (refresh != null) {
            tokens.revokeFamily(refresh);
        }
        session.end();
        return Response.seeOther(URI.create(ConsoleSession.LOGIN_PATH)).build();
    }

    private Response render(int status, String username, FormErrors formErrors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(login.data("chrome", Chrome.anonymous()).data("csrf", session.newLoginCsrf()).data("username", username)
                        .data("errors", formErrors).render())
                .build();
    }
}
