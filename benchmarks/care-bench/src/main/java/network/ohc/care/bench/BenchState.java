package network.ohc.care.bench;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Shared between the writer and the subscribers of one benchmark process. */
final class BenchState {
    static final int MAX_SUBSCRIBERS = 50;
    static final AtomicLong[] DELIVERED = new AtomicLong[MAX_SUBSCRIBERS];
    /** Signal id -> System.nanoTime() right after its transaction committed (latency phase only). */
    static final Map<UUID, Long> COMMITTED_AT = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
    /** A signal handled, and when (System.nanoTime()): what the paced phase records while {@link #recordHandled}. */
    record Handled(UUID signal, long at) {
    }

    /**
     * Every handling in the paced phase. The latency is taken from these once the phase is over, so that a handler that
     * ran before its writer's thread got back from the commit (and wrote COMMITTED_AT) still counts, as 0.
     */
    static final ConcurrentLinkedQueue<Handled> HANDLED = new ConcurrentLinkedQueue<>();
    static volatile boolean recordHandled;
    static volatile long lastDeliveryNanos;
    static final java.util.Set<Long> SEEN = ConcurrentHashMap.newKeySet();
    /** Whether subscriber 0 records every position in {@link #SEEN} (off in the soak, where it would grow without end). */
    static volatile boolean recordSeen = true;

    static {
        for (int i = 0; i < MAX_SUBSCRIBERS; i++) {
            DELIVERED[i] = new AtomicLong();
        }
    }

    private BenchState() {
    }
}
