package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lease and position of one subscriber, on a store and a clock the test controls. */
class LeaseKeeperTest {
    /** A lease row the test hands out or withholds, and a log of what was saved. */
    static final class FakeStore implements LeaseStore {
        LeaseStore.Lease row = new LeaseStore.Lease(40, null, false);
        boolean free = true;
        boolean keepOnSave = true;
        boolean rewindApplies = true;
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<LeaseStore.Lease> lease(String name, String owner, int seconds) {
            calls.add("lease " + name + " " + owner + " " + seconds);
            return free ? Optional.of(row) : Optional.empty();
        }

        @Override
        public boolean savePosition(String name, String owner, long position, long delivered, long failed, String lastError,
                int leaseSeconds) {
            calls.add("save " + position + " delivered=" + delivered + " failed=" + failed + " error=" + lastError);
            return keepOnSave;
        }

        @Override
        public void release(String name, String owner) {
            calls.add("release");
        }

        @Override
        public boolean applyRewind(String name, String owner, long position) {
            calls.add("rewind " + position);
            return rewindApplies;
        }

        @Override
        public void clearReplayRequest(String name, String owner) {
            calls.add("replay done");
        }
    }

    final FakeStore store = new FakeStore();
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final LeaseKeeper lease = new LeaseKeeper(store, "sub", "me", 60, now::get);

    @Test
    void takingTheLeaseStartsAtTheSavedPositionAndTheRowIsReReadAfterASecond() throws Exception {
        assertTrue(lease.checkDue(), "not held yet");
        LeaseKeeper.Held held = lease.renew().orElseThrow();
        assertTrue(held.fresh());
        assertTrue(lease.holds());
        assertEquals(40, lease.current());
        assertEquals(40, lease.position.get());
        assertEquals(List.of("lease sub me 60"), store.calls);

        assertFalse(lease.checkDue(), "held and read just now");
        now.addAndGet(LeaseKeeper.CHECK_NANOS);
        assertTrue(lease.checkDue(), "a second later");
        assertFalse(lease.renew().orElseThrow().fresh(), "renewed, not taken anew");

        lease.recheck();
        assertTrue(lease.checkDue(), "an operator's request is read at the next turn");
    }

    @Test
    void theLeaseRunsOutByThisProcesssClockUnlessRenewedOrSaved() throws Exception {
        lease.renew();
        assertFalse(lease.expired());
        now.addAndGet(59_000_000_000L);
        assertFalse(lease.expired(), "59 s of a 60 s lease");
        now.addAndGet(1_000_000_000L);
        assertTrue(lease.expired(), "frozen past the lease: no handler may start (fencing)");
        lease.advanceTo(41);
        assertTrue(lease.flush());
        assertFalse(lease.expired(), "saving the position renews the lease");
        now.addAndGet(60_000_000_000L);
        lease.touch();
        assertFalse(lease.expired(), "a retry's renewal too");
        now.addAndGet(60_000_000_000L);
        store.free = false;
        lease.touch();
        assertTrue(lease.expired(), "a renewal refused does not extend it");
    }

    @Test
    void aLeaseHeldElsewhereForgetsThePosition() throws Exception {
        lease.renew();
        store.free = false;
        assertTrue(lease.renew().isEmpty());
        assertFalse(lease.holds());
        assertFalse(lease.active(), "nothing may be handed out");
        assertTrue(lease.checkDue());
        store.free = true;
        assertTrue(lease.renew().orElseThrow().fresh(), "taken again: read from the saved position");
    }

    @Test
    void progressIsSavedWithItsCountsWhichAreThenReset() throws Exception {
        lease.renew();
        lease.advanceTo(41);
        lease.delivered(3);
        lease.failed("care.x #41: boom");
        assertTrue(lease.dirty());
        assertFalse(lease.saveDue(), "saved at most every 200 ms");
        now.addAndGet(LeaseKeeper.SAVE_NANOS + 1);
        assertTrue(lease.saveDue());
        assertTrue(lease.flush());
        assertFalse(lease.dirty());
        assertTrue(lease.flush());
        assertEquals(List.of("lease sub me 60", "save 41 delivered=3 failed=1 error=care.x #41: boom",
                "save 41 delivered=0 failed=0 error=null"), store.calls);
    }

    @Test
    void aSaveRefusedBecauseAnotherInstanceTookTheLeaseStopsDeliveryHere() throws Exception {
        lease.renew();
        lease.advanceTo(45);
        store.keepOnSave = false;
        assertFalse(lease.flush());
        assertFalse(lease.holds());
        assertFalse(lease.active());
        assertFalse(lease.flush(), "nothing to save without a position");
    }

    @Test
    void aCleanStopSavesWhatWasHandledAndLetsTheLeaseGo() throws Exception {
        lease.release();
        assertTrue(store.calls.isEmpty(), "never held: nothing to do");
        lease.renew();
        lease.advanceTo(42);
        lease.release();
        assertEquals(List.of("lease sub me 60", "save 42 delivered=0 failed=0 error=null", "release"), store.calls);
    }

    @Test
    void aRewindMovesThePositionOnlyIfTheLeaseIsStillHeld() throws Exception {
        lease.renew();
        assertTrue(lease.rewindTo(7));
        assertEquals(7, lease.current());
        assertEquals(7, lease.position.get());
        assertFalse(lease.dirty(), "the rewind saved the position itself");
        store.rewindApplies = false;
        assertFalse(lease.rewindTo(3));
        assertEquals(7, lease.current());
        lease.replayDone();
        assertEquals("replay done", store.calls.get(store.calls.size() - 1));
        assertNull(store.row.rewindTo());
    }
}
