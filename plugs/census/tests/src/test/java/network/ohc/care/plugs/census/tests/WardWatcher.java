package network.ohc.care.plugs.census.tests;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;

/** Another plug, as far as the bus can tell: it knows census only through census' contract jar. */
@ApplicationScoped
public class WardWatcher implements SignalSubscriber {
    public static final String NAME = "test-ward-watcher";
    final List<WardOccupancyChanged> received = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void subscribe(Subscription s) {
        s.on(WardOccupancyChanged.class, (signal, delivery) -> received.add(signal));
    }

    List<WardOccupancyChanged> of(String wardId) {
        return received.stream().filter(s -> s.wardId().toString().equals(wardId)).toList();
    }
}
