package network.ohc.care.bus.engine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox bounded: signals every subscription has passed and older than {@code care.bus.retention} are
 * deleted, in batches (short statements, no long lock), every {@code care.bus.prune-interval}, and their space is
 * reclaimed for new signals right after ({@link BusStore#reclaim}). Replays within the
 * retention window keep working; {@link BusResource} refuses one that starts before what is kept.
 */
@ApplicationScoped
public class OutboxPruner implements Runnable {
    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);

    @Inject
    BusStore store;

    @Inject
    BusConfig config;

    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes @Priority(1200) StartupEvent event) {
        if (config.enabled()) {
            thread = Wakeup.startDaemon(this, "care-bus-pruner");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Wakeup.stop(thread);
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (wakeup.await(config.pruneInterval().toMillis())) {
                    wakeup.clear();
                }
                pruneNow();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("pruning the signal outbox failed, retried in %s: %s", config.pruneInterval(), e.toString());
            }
        }
    }

    /** Deletes, batch after batch, what may go now; returns how many signals went. */
    public long pruneNow() throws SQLException {
        return prune(Instant.now().minus(config.retention()), config.pruneBatch());
    }

    public long prune(Instant cutoff, int batch) throws SQLException {
        long total = 0;
        int n;
        do {
            n = store.prune(cutoff, batch);
            total += n;
        } while (n == batch && running);
        if (total > 0) {
            store.reclaim();
            LOG.debugf("pruned %d delivered signal(s) older than %s from the outbox", total, cutoff);
        }
        return total;
    }

    public Duration retention() {
        return config.retention();
    }
}
