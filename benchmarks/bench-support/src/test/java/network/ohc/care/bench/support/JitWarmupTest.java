package network.ohc.care.bench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitWarmupTest {
    @Test
    void aRoundIsQuietWhenCompilationTookAtMostFivePercentOfIt() {
        assertTrue(JitWarmup.quiet(0, 0));
        assertTrue(JitWarmup.quiet(50, 1000));
        assertFalse(JitWarmup.quiet(51, 1000));
        assertFalse(JitWarmup.quiet(900, 1000));
    }

    @Test
    void roundsStopAtTheLimitEvenIfTheJitNeverQuietens() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        long[] fake = {0};
        JitWarmup busy = new JitWarmup(() -> fake[0] += 1000); // every round "compiles" far longer than it runs
        assertEquals(3, busy.warm(3, rounds::incrementAndGet));
        assertEquals(3, rounds.get());
    }

    @Test
    void aQuietRoundEndsTheWarmUp() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        JitWarmup idle = new JitWarmup(() -> 7);
        assertEquals(1, idle.warm(10, rounds::incrementAndGet));
        assertEquals(1, rounds.get());
    }
}
