package network.ohc.care.bus.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known signal types, listed explicitly (no classpath scanning, so it works the same in a native image).
 * Core's types come from {@link #coreSignals()}; a plug that publishes its own adds them with the builder.
 */
public final class SignalCatalog {
    private static final List<Class<? extends DomainSignal>> CORE = List.of(
            FacilityCreated.class, FacilityUpdated.class,
            LocationCreated.class, LocationUpdated.class, BedStatusChanged.class,
            PatientRegistered.class, PatientUpdated.class,
            EncounterStarted.class, PatientAdmitted.class, PatientTransferred.class, EncounterCompleted.class, EncounterCancelled.class,
            StaffRoleGranted.class, StaffRoleRevoked.class);

    private final Map<String, Class<? extends DomainSignal>> byType;

    private SignalCatalog(Map<String, Class<? extends DomainSignal>> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /** Every signal type core emits. */
    public static List<Class<? extends DomainSignal>> coreSignals() {
        return CORE;
    }

    /**
     * Core's types and those of every contract jar on {@code loader}'s class path, each of which lists its records in
     * {@link network.ohc.care.bus.contracts.schema.SignalSchemas#CLASSES} (a fixed name read with {@code getResources},
     * no scanning): a plug's own types appear when the plug is in the build. A listed record that is missing, or is
     * no signal, is an error.
     */
    public static SignalCatalog onClassPath(ClassLoader loader) {
        Builder b = builder().addCore();
        try {
            java.util.Enumeration<java.net.URL> lists = loader.getResources(network.ohc.care.bus.contracts.schema.SignalSchemas.CLASSES);
            while (lists.hasMoreElements()) {
                java.net.URL list = lists.nextElement();
                java.util.Properties p = new java.util.Properties();
                try (java.io.InputStream in = list.openStream()) {
                    p.load(in);
                }
                for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                    String name = p.getProperty(key).strip();
                    try {
                        b.add(Class.forName(name, false, loader).asSubclass(DomainSignal.class));
                    } catch (ClassNotFoundException | ClassCastException e) {
                        throw new IllegalStateException(list + " lists " + name + " for " + key + ", which is no signal record on the class path",
                                e);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.build();
    }

    public static String typeName(Class<? extends DomainSignal> type) {
        return declared(type).name();
    }

    public static int version(Class<? extends DomainSignal> type) {
        return declared(type).version();
    }

    /**
     * Each class's annotation, read once: {@code getAnnotation} and the annotation's methods cost a few map look-ups and
     * a proxy call each time, and every emitted signal asks for its type's name and version (issue 13).
     */
    private static final ClassValue<Declared> DECLARED = new ClassValue<>() {
        @Override
        protected Declared computeValue(Class<?> type) {
            SignalType t = type.getAnnotation(SignalType.class);
            return t == null ? null : new Declared(t.name(), t.version());
        }
    };

    private static Declared declared(Class<? extends DomainSignal> type) {
        Declared t = DECLARED.get(type);
        if (t == null) {
            throw new IllegalArgumentException(type.getName() + " has no @SignalType annotation");
        }
        return t;
    }

    /** A class's {@link SignalType} name and version. */
    // A class, not a record: every record of this package is a signal to the native image's registration check.
    private static final class Declared {
        private final String name;
        private final int version;

        Declared(String name, int version) {
            this.name = name;
            this.version = version;
        }

        String name() {
            return name;
        }

        int version() {
            return version;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The class of {@code name} at {@code version}. */
    public Optional<Class<? extends DomainSignal>> byType(String name, int version) {
        return Optional.ofNullable(byType.get(key(name, version)));
    }

    /** The class of the newest version of {@code name}. */
    public Optional<Class<? extends DomainSignal>> byType(String name) {
        Class<? extends DomainSignal> newest = null;
        for (Class<? extends DomainSignal> c : byType.values()) {
            if (typeName(c).equals(name) && (newest == null || version(c) > version(newest))) {
                newest = c;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The key of one version of one type: {@code care.patient.registered@1}. */
    public static String key(String name, int version) {
        return name + "@" + version;
    }

    public static String key(Class<? extends DomainSignal> type) {
        return key(typeName(type), version(type));
    }

    public Collection<Class<? extends DomainSignal>> all() {
        return byType.values();
    }

    /** Collects signal types; a type name may be registered once. */
    public static final class Builder {
        private final Map<String, Class<? extends DomainSignal>> types = new LinkedHashMap<>();

        public Builder addCore() {
            CORE.forEach(this::add);
            return this;
        }

        public Builder add(Class<? extends DomainSignal> type) {
            String name = typeName(type);
            if (version(type) < 1) {
                throw new IllegalArgumentException(type.getName() + ": @SignalType version must be 1 or more");
            }
            Class<? extends DomainSignal> previous = types.putIfAbsent(key(type), type);
            if (previous != null && previous != type) {
                throw new IllegalArgumentException("signal type '" + name + "' version " + version(type) + " is declared by both "
                        + previous.getName() + " and " + type.getName());
            }
            return this;
        }

        public SignalCatalog build() {
            return new SignalCatalog(new LinkedHashMap<>(types));
        }
    }
}
