package network.ohc.care.core.console;

import io.quarkus.qute.TemplateData;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import network.ohc.care.core.api.Problem;
import network.ohc.care.core.api.ProblemException;

/** What went wrong with a form: messages per field (shown next to it) and one for the whole form. */
@TemplateData
public class FormErrors extends RuntimeException {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String general;
    private int status = 422;

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(ProblemException e) {
        FormErrors f = new FormErrors();
        f.status = e.status();
        if (e.errors() != null && !e.errors().isEmpty()) {
            for (Problem.FieldError fe : e.errors()) {
                f.fields.putIfAbsent(fe.field(), fe.message());
            }
        } else {
            f.general = e.getMessage();
        }
        return f;
    }

    /** A problem the API would answer, e.g. a database rule named after the field it concerns. */
    public static FormErrors of(Problem p) {
        FormErrors f = new FormErrors();
        f.status = p.status();
        if (p.errors() != null && !p.errors().isEmpty()) {
            for (Problem.FieldError fe : p.errors()) {
                f.fields.putIfAbsent(fe.field(), fe.message());
            }
        } else {
            f.general = p.detail();
        }
        return f;
    }

    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FormErrors f = new FormErrors();
        f.status = 400;
        for (ConstraintViolation<?> v : violations) {
            String name = null;
            for (Path.Node n : v.getPropertyPath()) {
                name = n.getName();
            }
            f.fields.putIfAbsent(name == null ? "form" : name, v.getMessage());
        }
        return f;
    }

    public static FormErrors field(String field, String message) {
        FormErrors f = new FormErrors();
        f.status = 400;
        f.fields.put(field, message);
        return f;
    }

    public String get(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean any() {
        return general != null || !fields.isEmpty();
    }

    /** The general message, or a summary when only fields are in error. */
    public String summary() {
        if (general != null) {
            return general;
        }
        return fields.isEmpty() ? null : "Please correct the fields marked below.";
    }

    /** "field: message" for each field in error. */
    public java.util.List<String> describe() {
        return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    public int status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
