package network.ohc.care.core.plug;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Another plug listening to the sample plug's signal. */
@ApplicationScoped
public class SampleListener implements SignalSubscriber {
    private final List<SampleNoted> received = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test-sample-listener";
    }

    @Override
    public void subscribe(Subscription s) {
        s.on(SampleNoted.class, (SampleNoted signal, Delivery d) -> received.add(signal));
    }

    public List<SampleNoted> received() {
        return received;
    }
}
