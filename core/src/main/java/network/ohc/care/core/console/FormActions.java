package network.ohc.care.core.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;
import network.ohc.care.core.api.Problem;
import network.ohc.care.core.api.ProblemException;
import network.ohc.care.core.api.ProblemMappers;

/**
 * Runs a console form: session and CSRF checks, then the API's service call. Success redirects (post/redirect/get);
 * a refusal of the whole action is the error page; anything naming fields re-renders the form with the messages.
 */
@ApplicationScoped
public class FormActions {
    private static final ProblemMappers API = new ProblemMappers();

    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleSession session;
    @Inject
    ConsoleErrors errors;

    public Response submit(String csrf, Supplier<String> action, Function<FormErrors, String> form) {
        chrome.requireSession();
        session.checkCsrf(csrf);
        FormErrors failed;
        try {
            return Response.seeOther(URI.create(action.get())).build();
        } catch (ProblemException e) {
            failed = FormErrors.of(e);
        } catch (FormErrors e) {
            failed = e;
        } catch (RuntimeException e) {
            failed = fromCause(e);
        }
        if (failed.status() == 403 || failed.status() == 404) {
            return errors.page(failed.status(), "Not allowed", failed.summary());
        }
        FormErrors shown = failed;
        return page(failed.status(), () -> form.apply(shown));
    }

    /** A database rule the change broke (a duplicate name, say), named as the API names it; anything else is a failure. */
    private static FormErrors fromCause(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return FormErrors.of((Problem) API.constraint(cve, null).getEntity());
            }
            if (t instanceof ProblemException pe) {
                return FormErrors.of(pe);
            }
        }
        throw e;
    }

    /** A page rendered in its own transaction (entities read lazily stay readable while the template runs). */
    public Response page(int status, Supplier<String> render) {
        chrome.requireSession();
        return PatientPages.html(status, QuarkusTransaction.requiringNew().call(render::get));
    }
}
