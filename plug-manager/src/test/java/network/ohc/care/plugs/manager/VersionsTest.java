package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void ranges() {
        assertTrue(Versions.inRange("0.1.0-SNAPSHOT", "[0.1,1)"));
        assertTrue(Versions.inRange("1.2.0", "1.2"));
        assertFalse(Versions.inRange("1.1.9", "1.2"));
        assertFalse(Versions.inRange("1.0", "[0.1,1)"));
        assertTrue(Versions.inRange("1.0", "[0.1,1.0]"));
        assertFalse(Versions.inRange("0.1", "(0.1,1)"));
        assertTrue(Versions.inRange("9.0", "[1.0,)"));
        assertTrue(Versions.inRange("1.10", "[1.9,2)"));
        assertTrue(Versions.inRange("1.5", "[1.5]"));
    }

    @Test
    void order() {
        assertTrue(Versions.compare("1.10", "1.9") > 0);
        assertTrue(Versions.compare("1.0-SNAPSHOT", "1.0") < 0);
        assertTrue(Versions.compare("1.0", "1.0.0") == 0);
    }

    @Test
    void validRanges() {
        assertTrue(Versions.validRange("[0.1,1)"));
        assertTrue(Versions.validRange("1.2"));
        assertFalse(Versions.validRange("one"));
        assertFalse(Versions.validRange("[1,2"));
    }
}
