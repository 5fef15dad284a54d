package network.ohc.care.bus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestamptzTextTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS'+00'");

    @Test
    void knownInstants() {
        assertEquals("2026-03-29 01:30:00.123456000+00", TimestamptzText.of(Instant.parse("2026-03-29T01:30:00.123456Z")));
        assertEquals("1970-01-01 00:00:00.000000000+00", TimestamptzText.of(Instant.EPOCH));
        assertEquals("1969-12-31 23:59:59.999999999+00", TimestamptzText.of(Instant.EPOCH.minusNanos(1)));
        assertEquals("2024-02-29 23:59:59.000001000+00", TimestamptzText.of(Instant.parse("2024-02-29T23:59:59.000001Z")));
        assertEquals("0001-01-01 00:00:00.000000000+00", TimestamptzText.of(Instant.parse("0001-01-01T00:00:00Z")));
        assertEquals("9999-12-31 23:59:59.999999999+00", TimestamptzText.of(Instant.parse("9999-12-31T23:59:59.999999999Z")));
    }

    @Test
    void agreesWithTheJdksFormattingAcrossTheYearsItCovers() {
        SplittableRandom random = new SplittableRandom(13);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertEquals(REFERENCE.format(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)), TimestamptzText.of(at), at.toString());
        }
    }

    @Test
    void yearsPostgresTextCannotSayThisWayAreLeftToTheDriver() {
        assertNull(TimestamptzText.of(Instant.parse("0000-12-31T23:59:59Z")));
        assertNull(TimestamptzText.of(Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
