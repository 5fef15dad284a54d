package network.ohc.care.bus.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;
import org.jboss.logging.Logger;

/**
 * Starts a delivery worker per durable subscription, wakes them after each commit that wrote signals, and stops them
 * on shutdown. A subscription is a {@code care-outbox} channel ({@link OutboxConnector}, registered while SmallRye
 * wires the channels), whose worker emits each signal as a message that its consumer acks or nacks, or a
 * {@link SignalSubscriber} bean, whose handlers the worker calls itself (the same outcome as an ack or a nack, without
 * a message per signal). Several instances may share a database: each
 * subscriber is delivered by whichever instance holds its lease.
 */
@ApplicationScoped
public class SignalBus {
    private static final Logger LOG = Logger.getLogger(SignalBus.class);

    @Inject
    @Any
    Instance<SignalSubscriber> subscribers;
    @Inject
    BusStore store;
    @Inject
    ObjectMapper json;
    @Inject
    BusMetrics metrics;

    @Inject
    BusConfig config;

    private final String owner = instanceName();
    private final Map<String, SubscriberWorker> workers = new LinkedHashMap<>();
    private volatile OutboxFeed feed;
    /** The feed, while it runs: the writer hands it what commits. */
    private volatile OutboxFeed handOff;

    private final Map<String, SubscriptionSpec> channels = new LinkedHashMap<>();

    /** A {@code care-outbox} channel: delivered from the start of the bus on. */
    synchronized void register(SubscriptionSpec spec, MessageSource source) {
        if (channels.putIfAbsent(spec.name, spec) != null) {
            throw new IllegalStateException("two care-outbox channels are named '" + spec.name + "'");
        }
    }

    /** After SmallRye Reactive Messaging (1000) has wired the channels, so that every care-outbox channel is registered. */
    synchronized void start(@Observes @Priority(1100) StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            LOG.info("Signal delivery is disabled (care.bus.enabled=false)");
            return;
        }
        Set<String> names = new HashSet<>();
        List<SubscriptionSpec> specs = new ArrayList<>();
        List<SubscriptionSpec> all = new ArrayList<>(channels.values());
        for (SignalSubscriber subscriber : subscribers) {
            all.add(SubscriptionSpec.of(subscriber)); // its handlers are called by the worker itself, without a message each
        }
        for (SubscriptionSpec spec : all) {
            if (!names.add(spec.name)) {
                throw new IllegalStateException("two signal subscribers (or care-outbox channels) are named '" + spec.name + "'");
            }
            if (config.pausedSubscribers().orElse(List.of()).contains(spec.name)) {
                LOG.infof("Subscriber '%s' is paused in this instance (care.bus.paused-subscribers)", spec.name);
                continue;
            }
            specs.add(spec);
        }
        int batchSize = config.batchSize();
        Duration pollInterval = config.pollInterval();
        SubscriberWorker.Settings settings = new SubscriberWorker.Settings(batchSize, pollInterval, (int) config.lease().toSeconds(),
                config.subscriberLinger());
        // Stored signals are read with a faster reader for their instants; writing is unchanged.
        ObjectMapper signalJson = json.copy().registerModule(FastInstants.module());
        feed = new OutboxFeed(store, signalJson, commonDecoding(specs), batchSize, Math.max(config.window(), batchSize),
                pollInterval.toMillis(), config.linger().toMillis());
        for (SubscriptionSpec spec : specs) {
            store.ensureSubscription(spec.name, spec.start == Subscription.Start.NOW);
            SubscriberWorker worker = new SubscriberWorker(spec, store, feed, signalJson, owner, settings, metrics);
            workers.put(spec.name, worker);
            metrics.register(spec.name, () -> Math.max(0, feed.safeHead() - worker.position.get()));
        }
        OutboxFeed f = feed;
        List<SubscriberWorker> local = List.copyOf(workers.values());
        feed.onAdvance(() -> {
            long safeHead = f.safeHead();
            for (SubscriberWorker w : local) {
                w.advanced(safeHead);
            }
        });
        if (!workers.isEmpty()) {
            feed.start();
            handOff = feed;
        }
        workers.values().forEach(SubscriberWorker::start);
        if (!workers.isEmpty()) {
            LOG.infof("Delivering signals to %d subscriber(s) %s as %s", workers.size(), workers.keySet(), owner);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        handOff = null;
        workers.values().forEach(SubscriberWorker::stop);
        if (feed != null) {
            feed.stop();
        }
    }

    /** Called after a transaction that wrote signals commits. */
    public void wake() {
        OutboxFeed f = feed;
        if (f != null) {
            f.wake();
        }
    }

    /** The running feed, to which the writer reports the positions it draws and how their transactions end; null if none. */
    OutboxFeed feed() {
        return handOff;
    }

    /** Type keys that every local subscriber handling them reads as the same record class. */
    private static Map<String, Class<? extends DomainSignal>> commonDecoding(List<SubscriptionSpec> specs) {
        Map<String, Class<? extends DomainSignal>> out = new HashMap<>();
        Set<String> mixed = new HashSet<>();
        for (SubscriptionSpec spec : specs) {
            spec.handlers.forEach((key, handler) -> {
                Class<? extends DomainSignal> seen = out.putIfAbsent(key, handler.type());
                if (seen != null && seen != handler.type()) {
                    mixed.add(key);
                }
            });
        }
        mixed.forEach(out::remove);
        return out;
    }

    /** Makes the local workers re-read their subscription rows now (an operator asked for a replay or a discard). */
    public void recheckSubscriptions() {
        workers.values().forEach(SubscriberWorker::recheck);
    }

    /** Subscribers running in this instance. */
    public Set<String> localSubscribers() {
        return Collections.unmodifiableSet(workers.keySet());
    }

    public String instance() {
        return owner;
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "care";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
