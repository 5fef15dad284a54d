package network.ohc.care.core.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock time at the precision PostgreSQL stores (microseconds), so values round-trip unchanged. */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
