package network.ohc.care.bench.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuMeterTest {
    @Test
    void userAndSystemTicksAreFields14And15EvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (postgres: 15/main: postgres care (x) 127.0.0.1) S 2197 2197 2197 0 -1 4194560 1 0 0 0 "
                + "700 55 0 0 20 0 1 0 49911 3133440 382";
        assertEquals(755, CpuMeter.parseTicks(stat));
    }
}
