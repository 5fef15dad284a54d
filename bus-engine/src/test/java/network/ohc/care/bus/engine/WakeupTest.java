package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bus threads' doorbell: rings coalesce, a ring wakes the waiting thread, clear forgets. */
class WakeupTest {
    final Wakeup wakeup = new Wakeup();

    @Test
    void aRingBeforeTheWaitIsNotLostAndRingsCoalesce() throws Exception {
        wakeup.ring();
        wakeup.ring();
        assertTrue(wakeup.await(10_000));
        assertFalse(wakeup.await(1), "two rings while busy wake the thread once");
    }

    @Test
    void withoutARingTheWaitEndsFalse() throws Exception {
        assertFalse(wakeup.await(5));
    }

    @Test
    void aRingWakesTheWaitingThread() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return wakeup.await(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        wakeup.ring();
        assertTrue(woke.get(30, TimeUnit.SECONDS));
    }

    @Test
    void clearForgetsRingsThatCameWhileBusy() throws Exception {
        wakeup.ring();
        wakeup.clear();
        assertFalse(wakeup.await(1));
    }

    @Test
    void anInterruptEndsTheWait() {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> wakeup.await(60_000));
        assertFalse(Thread.interrupted(), "the interrupt is used up by the exception");
    }
}
