package network.ohc.care.bus.contracts.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds which components of a record are never null on the wire, by asking its constructor: a component is required
 * when the constructor refuses null for it ({@code Objects.requireNonNull}), or replaces null with a value (as
 * {@code PatientUpdated} does with an empty list), or is a primitive. The constructor is the one place the contract
 * states it, so the schema cannot drift from the code.
 */
final class RecordProbe {
    private RecordProbe() {
    }

    /** Names of the components of {@code type} that are always present and never null. */
    static List<String> required(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] sample = sampleArguments(type);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                out.add(components[i].getName());
                continue;
            }
            Object[] args = sample.clone();
            args[i] = null;
            Object made;
            try {
                made = construct(type, args);
            } catch (InvocationTargetException refused) {
                out.add(components[i].getName());
                continue;
            }
            try {
                if (components[i].getAccessor().invoke(made) != null) {
                    out.add(components[i].getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName() + "." + components[i].getName() + ": cannot read the component", e);
            }
        }
        return out;
    }

    /** A value for every component that the constructor accepts. */
    static Object[] sampleArguments(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = sample(components[i].getType(), type.getName() + "." + components[i].getName());
        }
        try {
            construct(type, args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + ": its constructor refuses plain sample values ("
                    + e.getCause() + "), so its required fields cannot be found", e);
        }
        return args;
    }

    static Object construct(Class<?> type, Object[] args) throws InvocationTargetException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + ": cannot call its canonical constructor", e);
        }
    }

    private static Object sample(Class<?> t, String where) {
        if (t == String.class) {
            return "x";
        } else if (t == UUID.class) {
            return new UUID(0x018f000000007000L, 0x8000000000000001L);
        } else if (t == Instant.class) {
            return Instant.EPOCH;
        } else if (t == OffsetDateTime.class) {
            return OffsetDateTime.parse("1970-01-01T00:00:00Z");
        } else if (t == LocalDate.class) {
            return LocalDate.EPOCH;
        } else if (t == LocalTime.class) {
            return LocalTime.NOON;
        } else if (t == int.class || t == Integer.class) {
            return 1;
        } else if (t == long.class || t == Long.class) {
            return 1L;
        } else if (t == short.class || t == Short.class) {
            return (short) 1;
        } else if (t == double.class || t == Double.class) {
            return 1.0;
        } else if (t == float.class || t == Float.class) {
            return 1.0f;
        } else if (t == boolean.class || t == Boolean.class) {
            return true;
        } else if (t == BigDecimal.class) {
            return BigDecimal.ONE;
        } else if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            if (constants.length == 0) {
                throw new IllegalArgumentException(where + ": enum " + t.getName() + " has no constants");
            }
            return constants[0];
        } else if (Set.class.isAssignableFrom(t)) {
            return Set.of();
        } else if (Collection.class.isAssignableFrom(t)) {
            return List.of();
        } else if (Map.class.isAssignableFrom(t)) {
            return Map.of();
        } else if (t.isRecord()) {
            try {
                return construct(t, sampleArguments(t));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(where + ": cannot make a sample " + t.getName(), e);
            }
        }
        throw new IllegalArgumentException(where + ": type " + t.getName() + " has no JSON Schema mapping");
    }
}
