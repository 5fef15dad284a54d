package network.ohc.care.bus.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The stream of one durable subscription: its {@link SubscriberWorker} hands each signal to {@link #emit} on the
 * handler thread, which emits it as a {@link Message} (payload the signal, metadata its {@link Delivery} and envelope);
 * the worker then waits for the message's ack (delivered: the position may pass it) or nack (a failed attempt), and
 * its watchdog times the wait out like any handler. Messages are emitted in commit order; the next one is emitted
 * before this one is settled only up to the subscription's max-in-flight (1 unless it asked for more).
 */
final class MessageSource implements Flow.Publisher<Message<DomainSignal>> {
    private final String name;
    private Flow.Subscriber<? super Message<DomainSignal>> subscriber;
    private long demand;
    private boolean cancelled;

    MessageSource(String name) {
        this.name = name;
    }

    @Override
    public synchronized void subscribe(Flow.Subscriber<? super Message<DomainSignal>> s) {
        if (subscriber != null && !cancelled) {
            s.onSubscribe(new Flow.Subscription() {
                public void request(long n) {
                }

                public void cancel() {
                }
            });
            s.onError(new IllegalStateException("subscription '" + name + "' already has a consumer"));
            return;
        }
        subscriber = s;
        cancelled = false;
        demand = 0;
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                synchronized (MessageSource.this) {
                    if (n <= 0) {
                        return;
                    }
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                    MessageSource.this.notifyAll();
                }
            }

            @Override
            public void cancel() {
                synchronized (MessageSource.this) {
                    cancelled = true;
                    MessageSource.this.notifyAll();
                }
            }
        });
    }

    /**
     * Emits {@code signal}; the returned future completes when the message is acked (delivered: the position may pass
     * it) and fails with the nack's reason (a failed attempt). Waits, on the handler thread, while the consumer has
     * asked for nothing more.
     */
    CompletableFuture<Void> emit(DomainSignal signal, Delivery delivery) throws InterruptedException {
        Flow.Subscriber<? super Message<DomainSignal>> s;
        synchronized (this) {
            while (subscriber == null || cancelled || demand == 0) {
                wait(); // no consumer yet, or it asked for nothing more: the watchdog's timeout makes this a failed attempt
            }
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            s = subscriber;
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        Message<DomainSignal> message = Message.of(signal, Metadata.of(delivery, signal.envelope()), () -> {
            settled.complete(null);
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            settled.completeExceptionally(reason == null ? new IllegalStateException("nacked") : reason);
            return CompletableFuture.completedFuture(null);
        });
        s.onNext(message);
        return settled;
    }
}
