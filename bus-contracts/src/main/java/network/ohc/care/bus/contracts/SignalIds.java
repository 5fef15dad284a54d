package network.ohc.care.bus.contracts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: 48 bits of Unix milliseconds, then randomness, so ids sort by creation time.
 * Within one JVM ids are strictly increasing, even within one millisecond (a 12-bit counter in rand_a,
 * borrowing the next millisecond when it overflows).
 */
public final class SignalIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int counter;

    private SignalIds() {
    }

    public static UUID newId() {
        long millis;
        int seq;
        synchronized (SignalIds.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = RANDOM.nextInt(1 << 10); // leave headroom for increments in this millisecond
            } else if (++counter > 0xFFF) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            seq = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The creation time encoded in a version-7 UUID. */
    public static Instant timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version-7 UUID: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
