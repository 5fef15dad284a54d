package network.ohc.care.bus.engine;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consumer of a {@link SignalSubscriber}'s stream: calls the handler declared for the signal's type and acks when
 * its stage completes (at once for a plain handler), or nacks with what it threw or failed with. It runs on the thread
 * that emitted the message, so the worker's watchdog covers it.
 */
final class HandlerConsumer implements Flow.Subscriber<Message<DomainSignal>> {
    private final Map<String, SubscriptionSpec.Handler> handlers;

    HandlerConsumer(Map<String, SubscriptionSpec.Handler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Message<DomainSignal> message) {
        DomainSignal signal = message.getPayload();
        SubscriptionSpec.Handler handler = handlers.get(TypeKeys.of(signal.envelope().type(), signal.envelope().schemaVersion()));
        CompletionStage<?> done;
        try {
            done = handler.handler().handle(signal, message.getMetadata(Delivery.class).orElseThrow());
        } catch (Throwable t) {
            message.nack(t);
            return;
        }
        if (done == null) {
            message.nack(new IllegalStateException("the handler of " + signal.envelope().type() + " returned no completion stage"));
            return;
        }
        done.whenComplete((ignored, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            }
        });
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }
}
