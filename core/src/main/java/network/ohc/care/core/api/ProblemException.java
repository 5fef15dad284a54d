package network.ohc.care.core.api;

import java.util.List;

/** Thrown by services to answer with a problem+json response. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "Request cannot be carried out", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " not found", null);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field == null ? message : field + ": " + message,
                field == null ? null : List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(403, "Forbidden", message, null);
    }

    public static ProblemException unauthorized(String message) {
        return new ProblemException(401, "Unauthorized", message, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
