package network.ohc.care.plugs.webhooks;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The payload formats fixed into the image, by class name (looked up through CDI, not reflection, for native images). */
@ApplicationScoped
public class Formats {
    @Inject
    @Any
    InjectableInstance<PayloadFormat> all;

    private volatile Map<String, PayloadFormat> byClass;

    public Optional<PayloadFormat> find(String className) {
        Map<String, PayloadFormat> m = byClass;
        if (m == null) {
            m = new HashMap<>();
            for (InstanceHandle<PayloadFormat> h : all.handles()) {
                m.put(h.getBean().getBeanClass().getName(), h.get());
            }
            byClass = m;
        }
        return Optional.ofNullable(m.get(className));
    }

    /** The message for an endpoint whose format is not in the image, or null when it is (or none is named). */
    public String problem(String id, Optional<String> format) {
        if (format.isEmpty() || find(format.get()).isPresent()) {
            return null;
        }
        return Plug.CONFIG + ".endpoint." + id + ".format names " + format.get() + ", which this image does not hold: set it in "
                + "plug-config.properties (" + Plug.CONFIG + ".endpoint." + id + ".format) and run ./care build";
    }
}
