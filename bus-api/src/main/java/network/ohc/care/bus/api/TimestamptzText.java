package network.ohc.care.bus.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as PostgreSQL's timestamptz input text, {@code 2026-03-29 01:30:00.123456789+00}: made from the date's
 * fields with plain arithmetic. The driver's own formatting of an {@code OffsetDateTime} (field by field through
 * {@code ChronoField}) was about a twentieth of a signal's write path (issue 13).
 */
final class TimestamptzText {
    private TimestamptzText() {
    }

    /** The text, or null for a year outside 1–9999 (the caller binds an {@code OffsetDateTime} then). */
    static String of(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return null;
        }
        char[] c = "0000-00-00 00:00:00.000000000+00".toCharArray();
        digits(c, 0, year, 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano(), 9); // PostgreSQL rounds to the microsecond, as it did the driver's text
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
