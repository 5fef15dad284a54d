package network.ohc.care.core.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import network.ohc.care.bus.contracts.DomainSignal;

/** What happens once a transaction that wrote signals has committed: wake the workers, publish the live copy. */
@ApplicationScoped
public class AfterCommit {
    @Inject
    SignalBus bus;
    @Inject
    LiveSignals live;

    public void committed(List<DomainSignal> signals) {
        bus.wake();
        live.publish(signals);
    }
}
