package network.ohc.care.bus.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Signal delivery ({@code care.bus.*}): the names and defaults are documented in the README. */
@ConfigMapping(prefix = "care.bus")
public interface BusConfig {
    /** Off: no subscriber is delivered to and the outbox is not pruned by this instance (signals are still written). */
    @WithDefault("true")
    boolean enabled();

    /** Signals read from the outbox, and handed to a subscriber, at a time. */
    @WithDefault("500")
    int batchSize();

    /** How often the outbox is read when no commit woke the reader (other instances' signals arrive this way). */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** How long a subscriber's lease lasts without renewal; another instance takes it over after that. */
    @WithDefault("PT60S")
    Duration lease();

    /**
     * How long the outbox reader waits, once woken by a commit it did not get from memory (a plug's own SQL publish),
     * for more such commits before it reads: fewer, larger reads when they come fast, at that much extra latency.
     * Signals this instance's writer commits are handed over in memory and never wait for it.
     */
    @WithDefault("PT0.003S")
    Duration linger();

    /**
     * How long a subscriber waits for more signals after a run while they come faster than 2,000 a second (it stops
     * under 1,500), unless 64 more are there sooner: fewer wake-ups at saturation, at up to that much extra latency
     * there. At lower rates it never waits. 0 turns it off (every commit wakes every subscriber at once).
     */
    @WithDefault("PT0.004S")
    Duration subscriberLinger();

    /** Recent signals kept in memory for the subscribers; one that falls further behind reads the database. */
    @WithDefault("10000")
    int window();

    /** Subscribers this instance does not deliver to (paused here; another instance may still deliver). */
    Optional<List<String>> pausedSubscribers();

    /** How long delivered signals stay in the outbox for replays from a time. */
    @WithDefault("P7D")
    Duration retention();

    /** How often delivered signals past the retention are deleted. */
    @WithDefault("PT1M")
    Duration pruneInterval();

    /** Signals deleted per statement while pruning. */
    @WithDefault("10000")
    int pruneBatch();
}
