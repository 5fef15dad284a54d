package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work watched on the caller's own thread: finished, crashed, hung (the caller abandoned) and stopping. */
class CallerWatchdogTest {
    final AtomicReference<HandlerWatchdog.Watched> timedOut = new AtomicReference<>();
    final CountDownLatch timeoutReported = new CountDownLatch(1);
    final CallerWatchdog watchdog = new CallerWatchdog("test-watchdog", Duration.ofMillis(200), work -> {
        timedOut.set(work);
        timeoutReported.countDown();
    });

    @AfterEach
    void shutdown() {
        watchdog.shutdown();
    }

    @Test
    void workRunsOnTheCallersThreadAndFinishes() {
        HandlerWatchdogTest.Steps steps = new HandlerWatchdogTest.Steps(3, () -> {
        });
        HandlerWatchdog.Verdict v = watchdog.watch(steps, () -> true);
        assertEquals(HandlerWatchdog.Outcome.FINISHED, v.outcome());
        assertEquals(3, steps.done);
        assertSame(Thread.currentThread(), steps.ranOn.get());
    }

    @Test
    void workThatThrowsIsCrashedAtItsStep() {
        HandlerWatchdogTest.Steps steps = new HandlerWatchdogTest.Steps(1, () -> {
            throw new IllegalStateException("boom");
        });
        HandlerWatchdog.Verdict v = watchdog.watch(steps, () -> true);
        assertEquals(HandlerWatchdog.Outcome.CRASHED, v.outcome());
        assertEquals(0, v.step());
        assertInstanceOf(IllegalStateException.class, v.error());
    }

    @Test
    void aHungStepAbandonsItsCallerWhichLeavesWhenTheStepReturns() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        HandlerWatchdogTest.Steps hung = new HandlerWatchdogTest.Steps(2, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true); // the watchdog interrupts the abandoned caller
            }
        });
        CompletableFuture<Throwable> caller = CompletableFuture.supplyAsync(() -> {
            try {
                watchdog.watch(hung, () -> true);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(timeoutReported.await(10, TimeUnit.SECONDS));
        assertSame(hung, timedOut.get(), "the timed-out work is handed on, to carry on elsewhere");
        assertTrue(hung.abandoned);
        assertInstanceOf(CallerWatchdog.Abandoned.class, caller.get(10, TimeUnit.SECONDS));
        assertTrue(interrupted.get());
        assertEquals(1, hung.done, "no step started after the hung one");

        HandlerWatchdogTest.Steps next = new HandlerWatchdogTest.Steps(1, () -> {
        });
        assertEquals(HandlerWatchdog.Outcome.FINISHED, watchdog.watch(next, () -> true).outcome(), "the watchdog goes on");
    }

    @Test
    void aStepThatEndsInTimeIsNotAbandonedWhateverTheRunsLength() {
        HandlerWatchdogTest.Steps steps = new HandlerWatchdogTest.Steps(6, () -> sleep(100));
        assertEquals(HandlerWatchdog.Outcome.FINISHED, watchdog.watch(steps, () -> true).outcome());
        assertEquals(6, steps.done);
        assertEquals(1, timeoutReported.getCount(), "nothing timed out");
    }

    @Test
    void stoppingLetsTheStepInHandEndAndStartsNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        HandlerWatchdogTest.Steps steps = new HandlerWatchdogTest.Steps(3, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CallerWatchdog longer = new CallerWatchdog("test-stop", Duration.ofMinutes(1), work -> {
        });
        CompletableFuture<HandlerWatchdog.Verdict> verdict = CompletableFuture.supplyAsync(() -> longer.watch(steps, running::get));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        running.set(false);
        assertTrue(longer.stopping(), "a step was in hand");
        release.countDown();
        assertSame(HandlerWatchdog.Outcome.STOPPED, verdict.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(1, steps.done, "the step in hand ended; no other started");
        org.junit.jupiter.api.Assertions.assertFalse(longer.stopping(), "no step in hand any more");
        longer.shutdown();
    }

    @Test
    void nothingRunsOnceStopping() {
        HandlerWatchdogTest.Steps steps = new HandlerWatchdogTest.Steps(1, () -> {
        });
        assertEquals(HandlerWatchdog.Outcome.STOPPED, watchdog.watch(steps, () -> false).outcome());
        assertEquals(0, steps.done);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
