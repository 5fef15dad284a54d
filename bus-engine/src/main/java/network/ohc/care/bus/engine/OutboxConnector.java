package network.ohc.care.bus.engine;

import io.smallrye.reactive.messaging.connector.InboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Flow;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.plug.sdk.Subscription;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The inbound connector {@value #NAME}: each channel that names it is a durable subscription of the outbox, under the
 * channel's name, delivered by the bus' engine (position, lease, retries, dead letters, replay).
 *
 * <pre>
 * mp.messaging.incoming.census.connector=care-outbox
 * mp.messaging.incoming.census.types=care.location.created,care.bed.status-changed
 * mp.messaging.incoming.census.max-attempts=5          # then the dead letters
 * mp.messaging.incoming.census.backoff=PT0.1S          # doubling after each failed attempt ...
 * mp.messaging.incoming.census.backoff-max=PT10S       # ... up to this
 * mp.messaging.incoming.census.timeout=PT30S           # per attempt
 * mp.messaging.incoming.census.start-from=beginning    # or now: where a new subscription starts
 * </pre>
 *
 * {@code types}: signal type names ({@code care.bed.status-changed}; {@code @2} picks a version, the newest core one
 * otherwise), {@code *} for every core type, or the record class of a plug's signal.
 */
@ApplicationScoped
@Connector(OutboxConnector.NAME)
public class OutboxConnector implements InboundConnector {
    public static final String NAME = "care-outbox";

    @Inject
    SignalBus bus;

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String channel = config.getValue("channel-name", String.class);
        String prefix = "mp.messaging.incoming." + channel + ".";
        SubscriptionSpec spec = SubscriptionSpec.named(channel, prefix + "channel");
        MessageSource source = new MessageSource(channel);
        String types = config.getOptionalValue("types", String.class)
                .orElseThrow(() -> new IllegalStateException(prefix + "types: missing; list the signal types this channel receives"));
        for (String entry : types.split(",")) {
            String t = entry.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("*")) {
                SignalCatalog.coreSignals().forEach(c -> spec.onAsync(c, source::emit));
            } else {
                spec.onAsync(resolve(t, prefix + "types"), source::emit);
            }
        }
        if (spec.handlers.isEmpty()) {
            throw new IllegalStateException(prefix + "types: empty; list the signal types this channel receives");
        }
        try {
            config.getOptionalValue("max-attempts", Integer.class).ifPresent(spec::maxAttempts);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "max-attempts: " + e.getMessage());
        }
        Duration backoff = duration(config, prefix, "backoff", spec.initialBackoff);
        Duration backoffMax = duration(config, prefix, "backoff-max", backoff.compareTo(spec.maxBackoff) > 0 ? backoff : spec.maxBackoff);
        try {
            spec.backoff(backoff, backoffMax);
            spec.timeout(duration(config, prefix, "timeout", spec.timeout));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "backoff/timeout: " + e.getMessage());
        }
        String start = config.getOptionalValue("start-from", String.class).orElse("beginning").strip().toUpperCase(Locale.ROOT);
        try {
            spec.startFrom(Subscription.Start.valueOf(start));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "start-from: '" + start.toLowerCase(Locale.ROOT) + "' is not beginning or now");
        }
        bus.register(spec, source);
        return source;
    }

    private static Duration duration(Config config, String prefix, String key, Duration fallback) {
        String value = config.getOptionalValue(key, String.class).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(prefix + key + ": '" + value + "' is not a duration (ISO-8601, e.g. PT0.5S)");
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DomainSignal> resolve(String entry, String key) {
        SignalCatalog core = SignalCatalog.builder().addCore().build();
        int at = entry.lastIndexOf('@');
        try {
            var found = at > 0 ? core.byType(entry.substring(0, at), Integer.parseInt(entry.substring(at + 1))) : core.byType(entry);
            if (found.isPresent()) {
                return found.get();
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + ": '" + entry + "': the version after @ must be a number");
        }
        try {
            Class<?> c = Class.forName(entry, false, Thread.currentThread().getContextClassLoader());
            if (DomainSignal.class.isAssignableFrom(c)) {
                return (Class<? extends DomainSignal>) c;
            }
        } catch (ClassNotFoundException e) {
            // not a class either
        }
        throw new IllegalStateException(key + ": '" + entry + "' is neither a core signal type (see /api/v1/bus/asyncapi) nor a signal record class");
    }
}
