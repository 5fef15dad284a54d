package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastInstantsTest {
    @Test
    void readsWhatInstantWritesAtEveryPrecision() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 250_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(t, FastInstants.parse(t.toString()), t.toString());
        }
    }

    @Test
    void leavesOtherFormsToInstantParse() {
        for (String s : new String[] {"2026-01-02T03:04:05.1Z", "+12026-01-02T03:04:05Z", "2026-02-30T03:04:05Z", "2026-01-02T24:04:05Z",
                "2026-01-02T23:59:60Z", "2026-01-02T03:04:05.Z", "2026-01-02 03:04:05Z", "2026-01-02T03:04:05+01:00", "x"}) {
            assertEquals(outcome(() -> Instant.parse(s)), outcome(() -> FastInstants.parse(s)), s);
        }
    }

    /** The instant, or the kind of exception: both parsers must agree on either. */
    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeException e) {
            return "rejected";
        }
    }
}
