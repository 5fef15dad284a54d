package network.ohc.care.plugs.kafkaexport;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one record through the SmallRye Kafka channel and waits for the broker's acknowledgement. All the plug's
 * Kafka sending is here: whoever feeds it (today a plug-sdk subscriber, later an outbox-backed channel) only calls
 * {@link #send}.
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

    private volatile Instant lastAck;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile long acked;

    /** Returns once the broker acknowledged the record; throws when it refused it or did not answer in time. */
    public void send(Out out, Duration timeout) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        out.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<Void> ack = new CompletableFuture<>();
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
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failed(new TimeoutException("no acknowledgement from Kafka within " + timeout + " (" + out.topic() + ")"));
        } catch (ExecutionException e) {
            throw failed(e.getCause() instanceof Exception c ? c : e);
        } catch (RuntimeException e) {
            throw failed(e);
        }
        acked++;
        lastAck = Instant.now();
        ackedEvent.fire(new Acked(out));
    }

    private Exception failed(Exception e) {
        lastFailure = Instant.now();
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return e;
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
        return acked;
    }
}
