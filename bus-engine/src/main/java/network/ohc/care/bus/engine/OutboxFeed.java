package network.ohc.care.bus.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import network.ohc.care.bus.contracts.DomainSignal;
import org.jboss.logging.Logger;

/**
 * The one reader of the outbox in an instance. It alone applies the hole rule of {@link OutboxCursor} and publishes
 * the <em>safe head</em>: every position up to it is final (committed, or rolled back for good). It keeps the most
 * recent rows in memory, each decoded at most once per record class, so that N subscribers cost one read and one
 * parse per signal rather than N. A subscriber behind that window reads the database itself, bounded by the safe
 * head, so it never needs the hole rule either.
 */
final class OutboxFeed implements Runnable {
    private static final Logger LOG = Logger.getLogger(OutboxFeed.class);

    /** A row in the window, shared by the subscribers; signals are immutable records, so sharing the decoded one is safe. */
    static final class Row {
        final OutboxRow row;
        private volatile DomainSignal decoded;

        Row(OutboxRow row) {
            this.row = row;
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

    private final BusStore store;
    private final ObjectMapper json;
    /** Record class per type key where every local subscriber reads it as the same class: decoded once, here. */
    private final Map<String, Class<? extends DomainSignal>> decodeAs;
    private final int batchSize;
    private final int windowSize;
    private final long pollMillis;
    private final long lingerMillis;
    private final Wakeup wakeup = new Wakeup();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private volatile boolean running = true;
    private volatile long safeHead = -1; // none yet: nothing is handed out until the start is established
    private Thread thread;
    private OutboxCursor cursor;
    // Guarded by this: the rows after windowFloor up to safeHead, in position order.
    private final ArrayList<Row> window = new ArrayList<>();
    private long windowFloor;

    OutboxFeed(BusStore store, ObjectMapper json, Map<String, Class<? extends DomainSignal>> decodeAs, int batchSize, int windowSize,
            long pollMillis, long lingerMillis) {
        this.store = store;
        this.json = json;
        this.decodeAs = decodeAs;
        this.batchSize = batchSize;
        this.windowSize = windowSize;
        this.pollMillis = pollMillis;
        this.lingerMillis = lingerMillis;
    }

    void start() {
        thread = Wakeup.startDaemon(this, "care-bus-feed");
    }

    void stop() {
        running = false;
        Wakeup.stop(thread);
    }

    /** Called when something may have committed to the outbox. */
    void wake() {
        wakeup.ring();
    }

    /** {@code listener} runs (on the feed's thread; it must not block) whenever the safe head moves. */
    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    long safeHead() {
        return safeHead;
    }

    /** Up to {@code limit} committed rows after {@code position}, in order; empty when the subscriber is at the safe head. */
    List<Row> after(long position, int limit) throws SQLException {
        long safe = safeHead;
        if (position >= safe) {
            return List.of();
        }
        synchronized (this) {
            if (position >= windowFloor) {
                int from = firstAfter(position);
                int to = Math.min(window.size(), from + limit);
                return new ArrayList<>(window.subList(from, to));
            }
        }
        // Behind the window: read the database, up to the safe head only.
        List<Row> rows = new ArrayList<>();
        for (OutboxRow r : store.fetchUpTo(position, safe, limit)) {
            rows.add(new Row(r));
        }
        return rows;
    }

    private int firstAfter(long position) {
        int lo = 0;
        int hi = window.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (window.get(mid).row.seq() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (cursor == null) {
                    // On the feed's thread, not at start-up: a long-running writing transaction elsewhere delays
                    // delivery (as it delays any late-committing row), never the app's start.
                    long from = store.finalHead();
                    synchronized (this) {
                        windowFloor = from;
                    }
                    cursor = new OutboxCursor(from, store::xidBound);
                    safeHead = from;
                    listeners.forEach(Runnable::run);
                }
                int read = readOnce();
                if (read < batchSize) {
                    // Waiting on a transaction still in flight is short; otherwise sleep until woken or the next poll.
                    if (wakeup.await(cursor.waitingOnHole() ? 5 : pollMillis)) {
                        if (lingerMillis > 0) {
                            Thread.sleep(lingerMillis); // let commits arriving together be read together
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

    /** One read; returns how many rows it took, so a full batch is followed by another read at once. */
    private int readOnce() throws SQLException {
        List<OutboxRow> ready = cursor.deliverable(store.fetch(cursor.position(), batchSize));
        if (ready.isEmpty()) {
            return 0;
        }
        List<Row> rows = new ArrayList<>(ready.size());
        for (OutboxRow r : ready) {
            Row row = new Row(r);
            Class<? extends DomainSignal> type = decodeAs.get(r.key());
            if (type != null) {
                try {
                    row.decode(type, json); // otherwise each subscriber's thread, woken together, would parse it too
                } catch (IOException e) {
                    // left undecoded: the subscriber's own attempt fails the same way and dead-letters it
                }
            }
            rows.add(row);
        }
        synchronized (this) {
            window.addAll(rows);
            if (window.size() > windowSize + windowSize / 4) {
                // Trim in chunks so the copy is paid rarely.
                int drop = window.size() - windowSize;
                windowFloor = window.get(drop - 1).row.seq();
                window.subList(0, drop).clear();
            }
        }
        cursor.advance(ready.get(ready.size() - 1));
        safeHead = cursor.position();
        for (Runnable l : listeners) {
            l.run();
        }
        return ready.size();
    }
}
