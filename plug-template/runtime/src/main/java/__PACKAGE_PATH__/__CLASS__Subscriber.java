package __PACKAGE__;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import network.ohc.care.bus.contracts.FacilityCreated;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reacts to core's signals on the durable channel __NAME__ (types in META-INF/microprofile-config.properties): here,
 * remembers every facility created. Delivered at least once, so it is idempotent; returning acks, throwing retries.
 */
@ApplicationScoped
public class __CLASS__Subscriber {

    @Incoming("__NAME__")
    @Transactional
    public void facilityCreated(FacilityCreated signal) {
        if (__CLASS__SeenFacility.findById(signal.facilityId()) == null) {
            __CLASS__SeenFacility seen = new __CLASS__SeenFacility();
            seen.facilityId = signal.facilityId();
            seen.name = signal.name();
            seen.seenAt = signal.envelope().occurredAt();
            seen.persist();
        }
    }
}
