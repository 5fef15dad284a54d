package network.ohc.care.bus.engine;

import java.util.Map;
import java.util.concurrent.Flow;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consumer of a {@link SignalSubscriber}'s stream: calls the handler declared for the signal's type and acks, or
 * nacks with what it threw. It runs on the thread that emitted the message, so the worker's watchdog covers it.
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
        SubscriptionSpec.Handler handler = handlers.get(SignalCatalog.key(signal.envelope().type(), signal.envelope().schemaVersion()));
        try {
            handler.handler().handle(signal, message.getMetadata(Delivery.class).orElseThrow());
        } catch (Throwable t) {
            message.nack(t);
            return;
        }
        message.ack();
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }
}
