package network.ohc.care.core.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** Turns form strings into the API's request types, naming the field on bad input. */
final class Forms {
    private Forms() {
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static UUID uuid(String field, String s) {
        if (text(s) == null) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw FormErrors.field(field, "choose one from the list");
        }
    }

    static <E extends Enum<E>> E enumValue(String field, String s, Class<E> type) {
        if (text(s) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            throw FormErrors.field(field, "choose one from the list");
        }
    }

    static Integer integer(String field, String s) {
        if (text(s) == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw FormErrors.field(field, "must be a whole number");
        }
    }

    static LocalDate date(String field, String s) {
        if (text(s) == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw FormErrors.field(field, "must be a date (YYYY-MM-DD)");
        }
    }

    /** The same bean validation the API applies to its request bodies. */
    static <T> T valid(Validator validator, T body) {
        Set<ConstraintViolation<T>> v = validator.validate(body);
        if (!v.isEmpty()) {
            throw FormErrors.of(v);
        }
        return body;
    }
}
