package network.ohc.care.bus.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.DomainSignal;
import org.jboss.logging.Logger;

/**
 * The one reader of the outbox in an instance. It alone applies the hole rule of {@link OutboxCursor} and publishes
 * the <em>safe head</em>: every position up to it is final (committed, or rolled back for good). It keeps the most
 * recent rows in memory, each decoded at most once per record class, so that N subscribers cost one read and one
 * parse per signal rather than N. A subscriber behind that window reads the database itself, bounded by the safe
 * head, so it never needs the hole rule either.
 * <p>
 * Signals this instance wrote itself reach the window from memory, right after their commit, on the committing
 * thread ({@link #committed}): {@link LocalHandoff} knows each position this process drew and how its transaction
 * ended, and the safe head moves past a position without reading the outbox only while every position up to it is
 * known there as committed. Any other position (another instance's, a plug's SQL publish, a rollback, an insert whose
 * result is not back) sends the feed's own thread to the outbox, as does a commit this process did not track
 * ({@link #wake}) and a poll every {@code pollMillis}; so delivery never depends on the hand-off, which only saves the
 * read when one instance writes.
 */
final class OutboxFeed implements Runnable {
    private static final Logger LOG = Logger.getLogger(OutboxFeed.class);
    /** How long a position not known here may block the hand-off while inserts of this process are still returning theirs. */
    private static final long UNKNOWN_GRACE_NANOS = 2_000_000L;

    /** A row in the window, shared by the subscribers; signals are immutable records, so sharing the decoded one is safe. */
    static final class Row {
        final OutboxRow row;
        /** The handler key ({@link OutboxRow#key()}), looked up once here rather than by every subscriber. */
        final String key;
        private volatile DomainSignal decoded;

        Row(OutboxRow row) {
            this.row = row;
            this.key = row.key();
        }

        /** A row this process wrote, with the signal it wrote (no need to parse the payload back for that record class). */
        Row(OutboxRow row, DomainSignal signal) {
            this(row);
            this.decoded = signal;
        }

        DomainSignal decode(Class<? extends DomainSignal> type, ObjectMapper json) throws IOException {
            DomainSignal d = decoded;
            if (d != null && d.getClass() == type) {
                return d;
            }
            d = json.readValue(row.payload(), type);
            decoded = d;
            return d;
        }
    }

    private final OutboxLog log;
    private final ObjectMapper json;
    /** Record class per type key where every local subscriber reads it as the same class: decoded once, here. */
    private final Map<String, Class<? extends DomainSignal>> decodeAs;
    private final int batchSize;
    private final int windowSize;
    private final long pollMillis;
    private final long lingerMillis;
    private final Wakeup wakeup = new Wakeup();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Outbox inserts of this process under way: a position they draw is not known here until they return. */
    private final AtomicInteger inserting = new AtomicInteger();
    /** Something this process did not track committed: the feed's thread reads the outbox. */
    private final AtomicBoolean readRequested = new AtomicBoolean();

    private volatile boolean running = true;
    private volatile long safeHead = -1; // none yet: nothing is handed out until the start is established
    private Thread thread;
    // Guarded by this: the cursor, the hand-off, and the rows after windowFloor up to safeHead, in position order.
    private OutboxCursor cursor;
    private final LocalHandoff local;
    /**
     * The window's rows in slots [0, windowCount). A slot, once filled, is never written again: trimming moves the
     * rows kept to a fresh array, so a subscriber reads its slice of the array without the lock and without a copy.
     */
    private Row[] window;
    private int windowCount;
    private long windowFloor;
    private LocalHandoff.Blocked blocked = LocalHandoff.Blocked.NOTHING;
    /** The position not known here that blocks the hand-off, and since when (System.nanoTime()). */
    private long unknownAt = -1;
    private long unknownSince;
    /** When the feed's thread last read the outbox (System.nanoTime()); only that thread uses it. */
    private long lastRead;

    OutboxFeed(OutboxLog log, ObjectMapper json, Map<String, Class<? extends DomainSignal>> decodeAs, int batchSize, int windowSize,
            long pollMillis, long lingerMillis) {
        this.log = log;
        this.json = json;
        this.decodeAs = decodeAs;
        this.batchSize = batchSize;
        this.windowSize = windowSize;
        this.pollMillis = pollMillis;
        this.lingerMillis = lingerMillis;
        this.local = new LocalHandoff(windowSize);
        this.window = new Row[windowSize + windowSize / 4 + batchSize];
    }

    void start() {
        thread = Wakeup.startDaemon(this, "care-bus-feed");
    }

    void stop() {
        running = false;
        Wakeup.stop(thread);
    }

    /** Called when something this process did not track may have committed to the outbox: the outbox is read. */
    void wake() {
        readRequested.set(true);
        wakeup.ring();
    }

    /** {@code listener} runs (on the thread that moved the safe head; it must not block) whenever the safe head moves. */
    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    long safeHead() {
        return safeHead;
    }

    // --- The writer's side: positions this process draws, and how their transactions end ---------------------------

    /** An outbox insert of this process is about to draw a position; {@link #inserted} must follow. */
    void inserting() {
        inserting.incrementAndGet();
    }

    /**
     * The insert announced by {@link #inserting} drew {@code seq} (negative: it failed). True if the position is
     * tracked, so that its commit is handed over by {@link #committed}; false: the outbox will tell ({@link #wake}).
     */
    boolean inserted(long seq) {
        try {
            if (seq < 0) {
                return false;
            }
            synchronized (this) {
                return cursor != null && local.drawn(seq, cursor.position());
            }
        } finally {
            inserting.decrementAndGet();
        }
    }

    /**
     * The transaction that wrote {@code written} (tracked positions) committed: the signals are handed out now, on
     * this thread, as far as every position before them is known here.
     */
    void committed(List<LocalHandoff.Written> written) {
        boolean moved;
        LocalHandoff.Blocked now;
        synchronized (this) {
            if (cursor == null) {
                return;
            }
            for (LocalHandoff.Written w : written) {
                local.committed(w);
            }
            moved = handOff();
            now = blocked;
        }
        if (moved) {
            advanced();
        }
        if (now == LocalHandoff.Blocked.UNKNOWN) {
            wakeup.ring(); // the feed's thread decides whether the outbox must be read
        }
    }

    /** The transaction that drew these tracked positions ended without a certain commit: the outbox decides. */
    void notCommitted(List<Long> seqs) {
        synchronized (this) {
            if (cursor == null) {
                return;
            }
            seqs.forEach(local::notCommitted);
        }
        wakeup.ring();
    }

    /** Under the lock: moves the safe head over the run of committed positions the hand-off knows after it. */
    private boolean handOff() {
        LocalHandoff.Step step = local.take(cursor.position());
        blocked = step.blocked();
        if (blocked != LocalHandoff.Blocked.UNKNOWN) {
            unknownAt = -1;
        } else if (unknownAt != cursor.position() + step.rows().size() + 1) {
            unknownAt = cursor.position() + step.rows().size() + 1;
            unknownSince = System.nanoTime();
        }
        if (step.rows().isEmpty()) {
            return false;
        }
        List<Row> rows = new ArrayList<>(step.rows().size());
        for (LocalHandoff.Written w : step.rows()) {
            rows.add(new Row(w.row(), w.signal()));
        }
        append(rows);
        cursor.advance(rows.get(rows.size() - 1).row);
        safeHead = cursor.position();
        return true;
    }

    private void advanced() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    // --- The subscribers' side ----------------------------------------------------------------------------------------

    /** Up to {@code limit} committed rows after {@code position}, in order; empty when the subscriber is at the safe head. */
    List<Row> after(long position, int limit) throws SQLException {
        long safe = safeHead;
        if (position >= safe) {
            return List.of();
        }
        synchronized (this) {
            if (position >= windowFloor) {
                int from = firstAfter(position);
                int to = Math.min(windowCount, from + limit);
                return new Slice(window, from, to);
            }
        }
        // Behind the window: read the database, up to the safe head only.
        List<Row> rows = new ArrayList<>();
        for (OutboxRow r : log.fetchUpTo(position, safe, limit)) {
            rows.add(new Row(r));
        }
        return rows;
    }

    private int firstAfter(long position) {
        int lo = 0;
        int hi = windowCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (window[mid].row.seq() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // --- The feed's thread ----------------------------------------------------------------------------------------------

    @Override
    public void run() {
        while (running) {
            try {
                if (cursor == null) {
                    establish();
                }
                int read = turn();
                if (read >= batchSize) {
                    readRequested.set(true); // a full batch: read on at once
                } else {
                    if (wakeup.await(waitMillis())) {
                        if (readRequested.get() && lingerMillis > 0) {
                            Thread.sleep(lingerMillis); // let other writers' commits arriving together be read together
                        }
                        wakeup.clear();
                    }
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (Exception e) {
                LOG.warnf("reading the signal outbox paused after an error: %s", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Where delivery starts: on the feed's thread, not at start-up, as a long-running writing transaction elsewhere
     * delays it (as it delays any late-committing row), never the app's start.
     */
    void establish() throws SQLException, InterruptedException {
        long from = log.finalHead();
        synchronized (this) {
            windowFloor = from;
            cursor = new OutboxCursor(from, log::xidBound);
            safeHead = from;
        }
        lastRead = System.nanoTime();
        advanced();
    }

    /** One turn of the feed's thread: the hand-off, then the outbox if it must be read; how many rows the read took. */
    int turn() throws SQLException {
        boolean moved;
        boolean mustRead;
        long now = System.nanoTime();
        synchronized (this) {
            moved = handOff();
            mustRead = readRequested.getAndSet(false) || cursor.waitingOnHole() || now - lastRead >= pollMillis * 1_000_000L
                    || blocked == LocalHandoff.Blocked.UNKNOWN && (inserting.get() == 0 || now - unknownSince >= UNKNOWN_GRACE_NANOS);
        }
        if (moved) {
            advanced();
        }
        return mustRead ? readOnce() : 0;
    }

    /** How long the feed's thread sleeps unless rung. */
    private long waitMillis() {
        synchronized (this) {
            if (cursor.waitingOnHole()) {
                return 5; // waiting on a transaction still in flight is short
            }
            if (blocked == LocalHandoff.Blocked.UNKNOWN) {
                return 1; // an insert of this process may be about to report the position
            }
        }
        return Math.max(1, pollMillis - (System.nanoTime() - lastRead) / 1_000_000L);
    }

    /** One read of the outbox after the position; returns how many rows it handed out, so a full batch is followed by another read at once. */
    int readOnce() throws SQLException {
        long from;
        synchronized (this) {
            from = cursor.position();
        }
        lastRead = System.nanoTime();
        List<OutboxRow> fetched = log.fetch(from, batchSize);
        if (fetched.isEmpty()) {
            return 0;
        }
        // Decoded here, off the lock (and not by each subscriber's thread, woken together).
        Map<Long, Row> decoded = new HashMap<>();
        for (OutboxRow r : fetched) {
            Row row = new Row(r);
            Class<? extends DomainSignal> type = decodeAs.get(r.key());
            if (type != null) {
                try {
                    row.decode(type, json);
                } catch (IOException e) {
                    // left undecoded: the subscriber's own attempt fails the same way and dead-letters it
                }
            }
            decoded.put(r.seq(), row);
        }
        int handedOut;
        synchronized (this) {
            // The hand-off may have moved the position meanwhile: rows at or below it are skipped here.
            long before = cursor.position();
            List<OutboxRow> ready = cursor.deliverable(fetched);
            handedOut = ready.size();
            if (ready.isEmpty()) {
                return 0;
            }
            List<Row> rows = new ArrayList<>(ready.size());
            for (OutboxRow r : ready) {
                rows.add(decoded.get(r.seq()));
            }
            append(rows);
            cursor.advance(ready.get(ready.size() - 1));
            local.passed(before, cursor.position());
            handOff(); // what this process committed right after may follow at once
            safeHead = cursor.position();
        }
        advanced();
        return handedOut;
    }

    /** Under the lock: adds rows (in position order, after the window's last) to the window, trimming it. */
    private void append(List<Row> rows) {
        if (windowCount + rows.size() > window.length) {
            // Trim to the newest windowSize rows, into a fresh array: slices handed out keep reading the old one.
            int keep = Math.min(windowCount, windowSize);
            int drop = windowCount - keep;
            Row[] fresh = new Row[Math.max(window.length, keep + rows.size() + windowSize / 4)];
            System.arraycopy(window, drop, fresh, 0, keep);
            if (drop > 0) {
                windowFloor = window[drop - 1].row.seq();
            }
            window = fresh;
            windowCount = keep;
        }
        for (Row r : rows) {
            window[windowCount++] = r;
        }
    }

    /** A read-only slice of the window's array: its slots are never written again (see {@link #window}). */
    private static final class Slice extends AbstractList<Row> implements RandomAccess {
        private final Row[] rows;
        private final int from;
        private final int to;

        Slice(Row[] rows, int from, int to) {
            this.rows = rows;
            this.from = from;
            this.to = to;
        }

        @Override
        public Row get(int index) {
            Objects.checkIndex(index, to - from);
            return rows[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    /** What blocks the hand-off now (for tests). */
    synchronized LocalHandoff.Blocked blocked() {
        return blocked;
    }
}
