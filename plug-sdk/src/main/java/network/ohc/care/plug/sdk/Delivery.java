package network.ohc.care.plug.sdk;

import java.util.UUID;

/**
 * Facts about one delivery attempt: the metadata of each message on a {@code care-outbox} channel (take it as an extra
 * parameter of an {@code @Incoming} method, or {@code message.getMetadata(Delivery.class)}).
 *
 * @param subscriber the subscriber's name
 * @param signalId   the signal's id: the same on every redelivery, so use it for idempotency
 * @param position   the signal's position in the outbox (increases in commit order)
 * @param attempt    1 for the first attempt
 * @param replay     true when an operator replays the signal (from the dead letters or a point in time)
 */
public record Delivery(String subscriber, UUID signalId, long position, int attempt, boolean replay) {
}
