package network.ohc.care.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalCatalog;
import org.junit.jupiter.api.Test;

/** A signal type missing from the native registration would serialize in JVM tests and fail only in a native image. */
class NativeSignalTypesTest {
    @Test
    void everyCoreSignalIsRegisteredForReflection() {
        Set<Class<?>> expected = new HashSet<>(SignalCatalog.coreSignals());
        expected.add(Envelope.class);
        Set<Class<?>> registered = new HashSet<>(List.of(NativeSignalTypes.class.getAnnotation(RegisterForReflection.class).targets()));
        assertEquals(expected, registered);
    }
}
