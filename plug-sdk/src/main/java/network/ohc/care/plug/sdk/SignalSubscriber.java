package network.ohc.care.plug.sdk;

/**
 * A durable subscriber to Care's domain signals, declared in code rather than as an {@code @Incoming} method on a
 * {@code care-outbox} channel (see docs/writing-a-plug.md). Both are the same subscription underneath: core consumes
 * this one's message stream itself, calling the handler and acking, or nacking with what it threw. Make it a CDI bean ({@code @ApplicationScoped}); core finds
 * it at startup and delivers every committed signal of the types it subscribes to:
 * <ul>
 * <li>at least once, so use {@link Delivery#signalId()} to ignore a signal you already handled;</li>
 * <li>in commit order, and so in order per aggregate (one encounter's signals never overtake each other);</li>
 * <li>with retries and backoff when the handler throws or times out; after the last attempt the signal goes to
 * the dead letters, and later signals of the same aggregate wait there with it, until an operator replays them;</li>
 * <li>on a thread of its own: a slow or failing subscriber never holds up a request or another subscriber.</li>
 * </ul>
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Occupancy implements SignalSubscriber {
 *     public String name() { return "census"; }
 *     public void subscribe(Subscription s) {
 *         s.on(PatientAdmitted.class, this::admitted)
 *          .on(EncounterCompleted.class, this::discharged);
 *     }
 *     void admitted(PatientAdmitted signal, Delivery delivery) { ... }
 *     void discharged(EncounterCompleted signal, Delivery delivery) { ... }
 * }
 * }</pre>
 */
public interface SignalSubscriber {

    /**
     * A stable name, unique in the deployment ({@code [a-z0-9][a-z0-9._-]*}, at most 100 characters). The
     * subscriber's position and dead letters are kept under it: renaming starts a new subscription.
     */
    String name();

    /** Declares a handler per signal type, and optionally the delivery policy. Called once at startup. */
    void subscribe(Subscription subscription);
}
