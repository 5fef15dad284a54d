package network.ohc.care.bus.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.ohc.care.bus.contracts.SignalCatalog;

/**
 * Handler keys ({@link SignalCatalog#key(String, int)}) made once per type and version and then shared: a signal's
 * key is looked up by every subscriber it reaches, and a fresh string each time would be built and hashed each time.
 */
final class TypeKeys {
    /** The outbox holds few distinct types; past this many, keys are made afresh rather than kept. */
    private static final int MAX = 10_000;
    private static final Map<String, Map<Integer, String>> KEYS = new ConcurrentHashMap<>();

    private TypeKeys() {
    }

    static String of(String type, int version) {
        Map<Integer, String> versions = KEYS.get(type);
        String key = versions == null ? null : versions.get(version);
        if (key != null) {
            return key;
        }
        key = SignalCatalog.key(type, version);
        if (KEYS.size() < MAX) {
            KEYS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).putIfAbsent(version, key);
        }
        return key;
    }
}
