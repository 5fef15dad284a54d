package network.ohc.care.core.plug;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import network.ohc.care.plug.sdk.PlugDescriptor;
import network.ohc.care.plug.sdk.PlugRuntime;

/**
 * Hands every {@code @Inject PlugRuntime} the runtime of the plug whose descriptor's {@code package} holds the injecting
 * class: the SDK knows which plug is calling, so a plug never writes its own name.
 */
@Singleton
public class PlugRuntimes {
    @Inject
    CorePlugRuntime core;

    private final List<PlugDescriptor> plugs = PlugDescriptor.onClassPath(Thread.currentThread().getContextClassLoader());

    @Produces
    @Dependent
    PlugRuntime forCaller(InjectionPoint injectionPoint) {
        if (injectionPoint == null || injectionPoint.getMember() == null) {
            return core;
        }
        return PlugDescriptor.owning(plugs, injectionPoint.getMember().getDeclaringClass().getName())
                .map(core::boundTo)
                .orElse(core);
    }
}
