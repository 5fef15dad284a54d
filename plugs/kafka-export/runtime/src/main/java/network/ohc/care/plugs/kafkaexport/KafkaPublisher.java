package network.ohc.care.plugs.kafkaexport;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends records through the SmallRye Kafka channel without waiting: each {@link #send} answers with a stage that
 * completes when the broker acknowledged the record. All the plug's Kafka sending is here.
 * <p>
 * Order per partition holds across failures because the producer never gives a record up (idempotent, retried
 * until delivered, see {@link ChannelConfigFactory}): what reaches the topic is, per partition, a prefix of what was
 * sent, in order. A caller that stops waiting ({@code timeout}) and sends the same signal again is handed the send
 * still under way rather than a second copy behind it; one the broker acknowledged lately is not sent again (except for
 * an operator's replay).
 */
@ApplicationScoped
public class KafkaPublisher {

    /** A record to publish: topic, key, value and headers (UTF-8). */
    public record Out(String topic, String key, String value, Map<String, String> headers) {
    }

    /** Fired after the broker acknowledged a record (for measurements; nothing observes it in the plug). */
    public record Acked(Out record) {
    }

    @Inject
    jakarta.enterprise.event.Event<Acked> ackedEvent;

    @Inject
    @Channel(ChannelConfigFactory.CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    /** Sends not yet acknowledged, by signal id. */
    private final Map<String, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();
    /**
     * Signals the broker acknowledged lately (the last {@value #RECENT}): after an earlier signal failed, the bus hands
     * over again those that followed it, and the ones already on the topic need not be sent twice.
     */
    private final Map<String, Boolean> recentlyAcked = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    });
    static final int RECENT = 4096;
    private final AtomicLong acked = new AtomicLong();
    private volatile Instant lastAck;
    private volatile Instant lastFailure;
    private volatile String lastError;

    /**
     * Sends the record of signal {@code id}, unless a send of it is still under way or (unless {@code again}) it was
     * acknowledged lately; the stage completes once the broker acknowledged it, and fails when the broker refused it
     * or did not answer within {@code timeout} (a record that answers late still arrives: delivery is at least once).
     * {@code again}: send it even if it was acknowledged lately (an operator's replay).
     */
    public CompletableFuture<Void> send(String id, Out out, Duration timeout, boolean again) {
        if (!again && recentlyAcked.containsKey(id)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> ack = underWay.putIfAbsent(id, fresh);
        if (ack == null) {
            ack = fresh;
            fresh.whenComplete((ignored, e) -> {
                if (e == null) {
                    recentlyAcked.put(id, Boolean.TRUE); // before it leaves underWay: a redelivery finds it in one of the two
                }
                underWay.remove(id, fresh);
                if (e == null) {
                    acked.incrementAndGet();
                    lastAck = Instant.now();
                    ackedEvent.fire(new Acked(out));
                } else {
                    failed(e);
                }
            });
            emit(out, fresh);
        }
        return ack.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ignored, e) -> {
            if (unwrap(e) instanceof TimeoutException) {
                failed(new TimeoutException("no acknowledgement from Kafka within " + timeout + " (" + out.topic() + ")"));
            }
        });
    }

    private void emit(Out out, CompletableFuture<Void> ack) {
        RecordHeaders headers = new RecordHeaders();
        out.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Message<String> message = Message.of(out.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(out.topic()).withKey(out.key())
                        .withHeaders(headers).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    ack.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private void failed(Throwable t) {
        Throwable e = unwrap(t);
        lastFailure = Instant.now();
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** True when the last attempt failed (no acknowledgement since the last failure). */
    public boolean degraded() {
        Instant failure = lastFailure;
        Instant ok = lastAck;
        return failure != null && (ok == null || failure.isAfter(ok));
    }

    public Instant lastAck() {
        return lastAck;
    }

    public String lastError() {
        return lastError;
    }

    public long acked() {
        return acked.get();
    }
}
