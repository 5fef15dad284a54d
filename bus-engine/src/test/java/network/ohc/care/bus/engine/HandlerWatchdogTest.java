package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler watchdog on plain threads: finished, crashed, hung and stopping work. */
class HandlerWatchdogTest {
    /** Steps that each run {@code body}; records the thread it ran on and whether it was abandoned. */
    static final class Steps implements HandlerWatchdog.Watched {
        final int count;
        final Runnable body;
        volatile int step;
        volatile long startedAt = System.nanoTime();
        volatile boolean abandoned;
        volatile int done;
        final AtomicReference<Thread> ranOn = new AtomicReference<>();

        Steps(int count, Runnable body) {
            this.count = count;
            this.body = body;
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public long stepStartedAt() {
            return startedAt;
        }

        @Override
        public void abandon() {
            abandoned = true;
        }

        @Override
        public void run() {
            ranOn.set(Thread.currentThread());
            for (int k = 0; k < count && !abandoned; k++) {
                step = k;
                startedAt = System.nanoTime();
                body.run();
                done = k + 1;
            }
        }
    }

    final HandlerWatchdog watchdog = new HandlerWatchdog("test-handler", Duration.ofMillis(200));

    @AfterEach
    void shutdown() {
        watchdog.shutdown();
    }

    @Test
    void workThatEndsIsFinished() throws Exception {
        Steps steps = new Steps(3, () -> {
        });
        HandlerWatchdog.Verdict v = watchdog.watch(steps, () -> true);
        assertEquals(HandlerWatchdog.Outcome.FINISHED, v.outcome());
        assertEquals(3, steps.done);
        assertEquals("test-handler", steps.ranOn.get().getName());
        assertTrue(steps.ranOn.get().isDaemon());
    }

    @Test
    void workThatThrowsIsCrashedAtItsStep() throws Exception {
        Steps steps = new Steps(1, () -> {
            throw new IllegalStateException("boom");
        });
        HandlerWatchdog.Verdict v = watchdog.watch(steps, () -> true);
        assertEquals(HandlerWatchdog.Outcome.CRASHED, v.outcome());
        assertEquals(0, v.step());
        assertInstanceOf(IllegalStateException.class, v.error());
    }

    @Test
    void aHungStepIsAbandonedAndTheNextRunGetsAFreshThread() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Steps hung = new Steps(2, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // cancelled by the watchdog; the step ends and no next one starts
            }
        });
        HandlerWatchdog.Verdict v = watchdog.watch(hung, () -> true);
        assertEquals(HandlerWatchdog.Outcome.TIMED_OUT, v.outcome());
        assertEquals(0, v.step());
        assertTrue(hung.abandoned);

        Steps next = new Steps(1, () -> {
        });
        assertEquals(HandlerWatchdog.Outcome.FINISHED, watchdog.watch(next, () -> true).outcome());
        assertNotSame(hung.ranOn.get(), next.ranOn.get(), "the hung thread is not reused");
    }

    @Test
    void anInterruptWhileStoppingLetsTheStepInHandEndAndStartsNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Steps steps = new Steps(3, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HandlerWatchdog longer = new HandlerWatchdog("test-stop", Duration.ofMinutes(1));
        AtomicReference<Thread> watcher = new AtomicReference<>();
        CompletableFuture<HandlerWatchdog.Verdict> verdict = CompletableFuture.supplyAsync(() -> {
            watcher.set(Thread.currentThread());
            try {
                return longer.watch(steps, () -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        watcher.get().interrupt();
        while (!steps.abandoned) {
            Thread.onSpinWait();
        }
        release.countDown();
        assertSame(HandlerWatchdog.Outcome.STOPPED, verdict.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(1, steps.done, "the step in hand ended; no other started");
        longer.shutdown();
    }
}
