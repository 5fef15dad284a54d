package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignalIdsTest {
    @Test
    void idsAreVersion7WithTheRfcVariantAndTheirTime() {
        UUID id = SignalIds.newId();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        Duration skew = Duration.between(SignalIds.timestampOf(id), Instant.now()).abs();
        assertTrue(skew.toMillis() < 1000, skew.toString());
    }

    @Test
    void idsIncreaseStrictlyInCreationOrder() {
        UUID previous = SignalIds.newId();
        for (int i = 0; i < 10_000; i++) {
            UUID next = SignalIds.newId();
            assertTrue(next.toString().compareTo(previous.toString()) > 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void concurrentGenerationHasNoDuplicates() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < 25_000; i++) {
                    assertTrue(seen.add(SignalIds.newId()));
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        assertEquals(100_000, seen.size());
    }
}
