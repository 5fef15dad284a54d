package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import network.ohc.care.bus.contracts.SignalCatalog;
import org.junit.jupiter.api.Test;

class TypeKeysTest {
    @Test
    void aTypeAndVersionGetTheCatalogsKeyMadeOnce() {
        String key = TypeKeys.of("care.test.keyed", 2);
        assertEquals(SignalCatalog.key("care.test.keyed", 2), key);
        assertSame(key, TypeKeys.of(new String("care.test.keyed"), 2), "the same key, not a fresh string per lookup");
        assertNotSame(key, TypeKeys.of("care.test.keyed", 3));
        assertEquals(SignalCatalog.key("care.test.keyed", 3), TypeKeys.of("care.test.keyed", 3));
    }
}
