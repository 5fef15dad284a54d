package network.ohc.care.core.api;

import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters arrive as strings and are parsed here, so a malformed one is a 400 naming the
 * parameter (JAX-RS would otherwise answer 404 for an unconvertible query parameter).
 */
public final class Params {
    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-31T08:00:00Z}) or a date (midnight UTC), between the years 1900 and 9999. */
    public static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        java.time.Instant at;
        try {
            at = v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 time such as 2026-01-31T08:00:00Z, or a date");
        }
        int year = at.atOffset(java.time.ZoneOffset.UTC).getYear();
        if (year < 1900 || year > 9999) {
            throw ProblemException.badRequest(name, "must be between the years 1900 and 9999");
        }
        return at;
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest(name, "must be at most " + max + " characters");
        }
        String problem = Text.problem(value);
        if (problem != null) {
            throw ProblemException.badRequest(name, problem);
        }
        return value.strip();
    }

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "a JSON object is required");
        }
        return body;
    }
}
