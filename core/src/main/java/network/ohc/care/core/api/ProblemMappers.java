package network.ohc.care.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem+json response. Client mistakes name the offending field;
 * anything unexpected is a 500 whose details stay in the log.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int PRIORITY = jakarta.ws.rs.Priorities.USER - 100;

    /** Database constraint names mapped to the request field a client can fix. */
    private static final Map<String, Problem.FieldError> CONSTRAINTS = Map.ofEntries(
            Map.entry("staff_user_username_uq", new Problem.FieldError("username", "is already taken")),
            Map.entry("patient_identifier_system_value_uq",
                    new Problem.FieldError("identifiers", "an identifier with this system and value belongs to another patient")),
            Map.entry("location_sibling_name_uq", new Problem.FieldError("name", "a location with this name already exists here")),
            Map.entry("location_parent_kind_chk", new Problem.FieldError("parentId", "this kind of location cannot be placed there")),
            Map.entry("encounter_current_bed_uq", new Problem.FieldError("bedId", "the bed is already occupied")),
            Map.entry("bed_assignment_open_bed_uq", new Problem.FieldError("bedId", "the bed is already occupied")),
            Map.entry("bed_assignment_open_encounter_uq", new Problem.FieldError("bedId", "the encounter already holds a bed")),
            Map.entry("facility_role_active_uq", new Problem.FieldError("role", "the user already holds this role here")),
            Map.entry("encounter_status_transition_chk", new Problem.FieldError("status", "this status change is not allowed")));

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return respond(400, "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(400, "Invalid request", field + ": unknown field", uri,
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.toString(target.getEnumConstants());
        } else {
            message = "must be " + describe(target);
        }
        return respond(400, "Invalid request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(400, "Invalid request", "the body must be a JSON object", uri,
                    List.of(new Problem.FieldError("body", "must be a JSON object")));
        }
        String message = "must be " + describe(e.getTargetType());
        return respond(400, "Invalid request", field + ": " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response instantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "is not valid";
        return respond(400, "Invalid request", field + ": " + message, uri,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response badValue(SafeValues.BadValue e, UriInfo uri) {
        String field = jsonPath(e);
        field = field.isEmpty() ? "body" : field;
        return respond(400, "Invalid request", field + ": " + e.getOriginalMessage(), uri,
                List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(400, "Invalid request", "malformed JSON at " + (field.isEmpty() ? "body" : field), uri,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, "is not valid")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response tooLarge(StreamConstraintsException e, UriInfo uri) {
        return respond(413, "Request too large", "the body is too large or too deeply nested", uri,
                List.of(new Problem.FieldError("body", "is too large")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformed(StreamReadException e, UriInfo uri) {
        return respond(400, "Malformed JSON", "the body is not valid JSON" + jacksonReason(e.getOriginalMessage()), uri,
                List.of(new Problem.FieldError("body", "is not valid JSON")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Malformed JSON", "the body is not valid JSON", uri,
                List.of(new Problem.FieldError("body", "is not valid JSON")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "your roles do not allow this", uri, null);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(409, "Conflict", "the record was changed by someone else; reload and retry", uri, null);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response stale(StaleStateException e, UriInfo uri) {
        return respond(409, "Conflict", "the record was changed by someone else; reload and retry", uri, null);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return constraintProblem(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(status, "Server error", "the server could not complete the request", uri, null);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        Throwable cause = e.getCause();
        if (cause instanceof SafeValues.BadValue bad) {
            return badValue(bad, uri);
        }
        if (cause instanceof JsonProcessingException jpe) {
            return json(jpe, uri);
        }
        return respond(status, title, clientDetail(status, title), uri, null);
    }

    /** The first clause of Jackson's message, unless it names the library's own settings or classes. */
    private static String jacksonReason(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse("");
        int hint = first.indexOf(": was expecting");
        if (hint > 0) {
            first = first.substring(0, hint);
        }
        if (first.isBlank() || first.contains("Feature") || first.contains("Constraints") || first.contains("`")
                || first.contains("com.") || first.contains("java.")) {
            return "";
        }
        return ": " + first;
    }

    /** Framework messages name annotations and classes; clients get a plain sentence instead. */
    private static String clientDetail(int status, String title) {
        return switch (status) {
            case 404 -> "no resource at this address";
            case 405 -> "this method is not allowed here";
            case 406 -> "the response can only be application/json";
            case 415 -> "the body must be application/json";
            default -> title;
        };
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return constraintProblem(cve, uri);
            }
            if (t instanceof ProblemException pe) {
                return problem(pe, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(409, "Conflict", "the record was changed by someone else; reload and retry", uri, null);
            }
        }
        LOG.error("unexpected failure on " + (uri == null ? "?" : uri.getPath()), e);
        return respond(500, "Server error", "the server could not complete the request", uri, null);
    }

    private Response constraintProblem(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String name = e.getConstraintName();
        Problem.FieldError field = name == null ? null : CONSTRAINTS.get(stripSchema(name));
        if (field != null) {
            return respond(409, "Conflict", field.field() + ": " + field.message(), uri, List.of(field));
        }
        LOG.warnf("constraint %s violated: %s", name, e.getSQLException() == null ? e.getMessage() : e.getSQLException().getMessage());
        return respond(409, "Conflict", "the change breaks a data rule" + (name == null ? "" : " (" + stripSchema(name) + ")"), uri, null);
    }

    private static String stripSchema(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401, "a valid bearer token is required",
                        uri == null ? null : uri.getPath(), null))
                .build();
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors))
                .build();
    }

    /** JSON path of a Jackson error, e.g. {@code identifiers[0].value}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Bean-validation path without the method and parameter: {@code create.body.name} becomes {@code name}. */
    static String fieldOf(Path path) {
        StringBuilder out = new StringBuilder();
        String fallback = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                fallback = node.getName();
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        if (out.length() == 0) {
            return fallback == null ? "body" : fallback;
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of the right type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "a timestamp (ISO-8601)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a JSON object";
    }
}
