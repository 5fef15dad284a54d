package network.ohc.care.plugs.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Optional;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.HttpBinding;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Queues each signal for every endpoint that wants its type. Queuing is all the bus waits for; the HTTP calls happen
 * in {@link Sender}, per endpoint, so a slow or failing receiver never holds up the bus or the other endpoints. Signals
 * arrive on the durable channel {@value #NAME} (connector {@code care-outbox}, every core type).
 */
@ApplicationScoped
public class WebhooksSubscriber {
    public static final String NAME = "webhooks";

    @Inject
    PlugRuntime care;
    @Inject
    WebhooksConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Formats formats;
    @ConfigProperty(name = "care.cloudevents.source", defaultValue = CloudEvents.DEFAULT_SOURCE)
    String source;

    @Incoming(NAME)
    public void on(DomainSignal signal, Delivery delivery) throws Exception {
        queue(signal, delivery);
    }

    /**
     * The signal's CloudEvents attributes as HTTP headers. A body reshaped by a payload format no longer follows the
     * signal's schema, so it goes without {@code dataschema}.
     */
    Map<String, String> cloudEventHeaders(DomainSignal signal, boolean reshaped) {
        Map<String, String> attributes = CloudEvents.attributes(signal.envelope(), source);
        if (reshaped) {
            attributes.remove(CloudEvents.DATASCHEMA);
        }
        Map<String, String> headers = HttpBinding.headers(attributes);
        headers.remove(HttpBinding.CONTENT_TYPE_HEADER); // the Sender sets it for every request
        return headers;
    }

    void queue(DomainSignal signal, Delivery delivery) throws Exception {
        String type = signal.envelope().type();
        String payload = null;
        for (Map.Entry<String, WebhooksConfig.Endpoint> e : config.endpoint().entrySet()) {
            if (!Rules.wants(e.getValue().types(), type)) {
                continue;
            }
            if (payload == null) {
                payload = json.writeValueAsString(signal);
            }
            Optional<PayloadFormat> format = e.getValue().format().flatMap(formats::find);
            String body = format.isPresent() ? format.get().body(signal, payload) : payload;
            String headers = e.getValue().cloudevents() ? json.writeValueAsString(cloudEventHeaders(signal, format.isPresent())) : null;
            care.database().transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO delivery (endpoint, signal_id, signal_type, payload, headers) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (endpoint, signal_id) DO NOTHING""")) {
                    ps.setString(1, e.getKey());
                    ps.setObject(2, delivery.signalId());
                    ps.setString(3, type);
                    ps.setString(4, body);
                    ps.setString(5, headers);
                    return ps.executeUpdate();
                }
            });
        }
    }
}
