package network.ohc.care.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with the offending fields named in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: a JSON path such as {@code identifiers[0].value}, or a query parameter name. */
    public record FieldError(String field, String message) {
    }
}
