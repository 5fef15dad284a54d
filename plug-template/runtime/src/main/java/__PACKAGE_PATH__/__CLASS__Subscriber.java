package __PACKAGE__;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.PlugRuntime;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Reacts to core's signals: here, remembers every facility created. Delivered at least once, so it is idempotent. */
@ApplicationScoped
public class __CLASS__Subscriber implements SignalSubscriber {
    @Inject
    PlugRuntime care;

    @Override
    public String name() {
        return "__NAME__";
    }

    @Override
    public void subscribe(Subscription s) {
        s.on(FacilityCreated.class, this::facilityCreated);
    }

    void facilityCreated(FacilityCreated signal, Delivery delivery) throws SQLException {
        care.database("__NAME__").transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO facility_seen (facility_id, name, seen_at) VALUES (?, ?, ?) ON CONFLICT (facility_id) DO NOTHING")) {
                ps.setObject(1, signal.facilityId());
                ps.setString(2, signal.name());
                ps.setTimestamp(3, Timestamp.from(signal.envelope().occurredAt()));
                return ps.executeUpdate();
            }
        });
    }
}
