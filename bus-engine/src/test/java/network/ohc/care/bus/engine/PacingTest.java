package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker lingers after a batch only while signals come fast, and commits short of its target do not wake it. */
class PacingTest {
    static final long MS = 1_000_000L;
    final Wakeup wakeup = new Wakeup();
    final Pacing pacing = new Pacing(wakeup, 4); // care.bus.subscriber-linger's default

    @Test
    void atAModerateRateTheWorkerNeverLingers() {
        long now = 1_000 * MS;
        assertFalse(pacing.read(1, false, now));
        for (int i = 0; i < 100; i++) {
            now += MS;
            assertFalse(pacing.read(1, false, now), "one signal per ms (1,000/s)");
        }
        now += 10 * MS;
        assertFalse(pacing.read(10, false, now), "rows piled up in a stall at 1,000/s: not a high rate");
        now += MS / 10;
        assertFalse(pacing.read(Pacing.MIN_ROWS - 1, false, now), "too few rows, however fast");
    }

    @Test
    void aboveTheRateItLingersUntilTheRateFallsUnderTheLowerOne() {
        long now = 1_000 * MS;
        pacing.read(1, false, now);
        now += 2 * MS;
        assertTrue(pacing.read(6, false, now), "3,000/s");
        now += 5 * MS;
        assertTrue(pacing.read(9, false, now), "1,800/s: over the rate that keeps it lingering");
        now += 5 * MS;
        assertFalse(pacing.read(6, false, now), "1,200/s: under it");
        now += 5 * MS;
        assertFalse(pacing.read(9, false, now), "1,800/s is not enough to start again");
        now += 2 * MS;
        assertTrue(pacing.read(6, false, now));
        now += MS;
        assertFalse(pacing.read(500, true, now), "a full batch: read on at once");
    }

    @Test
    void withNoLingerTimeItNeverLingers() {
        Pacing off = new Pacing(wakeup, 0);
        long now = 1_000 * MS;
        off.read(1, false, now);
        for (int i = 0; i < 10; i++) {
            now += 2 * MS;
            assertFalse(off.read(10, false, now), "5,000/s, but care.bus.subscriber-linger=0");
        }
    }

    @Test
    void theFirstReadNeverLingers() {
        assertFalse(pacing.read(100, false, 5 * MS));
    }

    @Test
    void whileLingeringOnlyACommitThatReachesTheTargetRings() throws Exception {
        pacing.advanced(1);
        assertTrue(wakeup.await(0), "no linger: every commit rings");
        pacing.holdRings(100);
        pacing.advanced(99);
        assertFalse(wakeup.await(0), "short of the target: no wake-up");
        pacing.advanced(100);
        assertTrue(wakeup.await(0));
    }

    @Test
    void aLingerEndsWhenTheSafeHeadReachesTheTarget() throws Exception {
        Pacing slow = new Pacing(wakeup, 600_000);
        long[] safeHead = {10};
        CompletableFuture<Boolean> lingered = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.linger(10, () -> safeHead[0]);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long until = 10 + Pacing.EARLY_ROWS;
        while (slow.ringsFrom() != until) {
            Thread.onSpinWait();
        }
        slow.advanced(until);
        assertTrue(lingered.get(60, TimeUnit.SECONDS));
        assertEquals(Long.MIN_VALUE, slow.ringsFrom(), "every commit rings again");
    }

    @Test
    void noLingerWhenTheRowsAreAlreadyThere() throws Exception {
        Pacing slow = new Pacing(wakeup, 600_000);
        assertTrue(slow.linger(10, () -> 10 + Pacing.EARLY_ROWS));
    }

    @Test
    void aStopInterruptsALinger() throws Exception {
        Pacing slow = new Pacing(wakeup, 600_000);
        Thread[] worker = new Thread[1];
        CompletableFuture<Boolean> lingered = CompletableFuture.supplyAsync(() -> {
            worker[0] = Thread.currentThread();
            try {
                return slow.linger(10, () -> 10);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        });
        while (slow.ringsFrom() == Long.MIN_VALUE) {
            Thread.onSpinWait();
        }
        worker[0].interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> lingered.get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getCause() instanceof InterruptedException);
        assertEquals(Long.MIN_VALUE, slow.ringsFrom());
    }
}
