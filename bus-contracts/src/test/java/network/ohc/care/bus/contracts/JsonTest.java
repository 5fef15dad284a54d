package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.schema.Json;
import org.junit.jupiter.api.Test;

/** The JDK-only JSON of the contract files: what it writes reads back the same, and Jackson agrees with it. */
class JsonTest {
    @Test
    void writesIndentedInMapOrderAndReadsBack() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", "quote \" backslash \\ newline \n tab \t control \u0001 unicode é ✓");
        m.put("a", Arrays.asList(1, 2147483648L, new BigDecimal("1.5"), true, null, List.of(), Map.of()));
        m.put("nested", Map.of("k", List.of("v")));
        String text = Json.write(m);
        assertEquals("""
                {
                  "z": "quote \\" backslash \\\\ newline \\n tab \\t control \\u0001 unicode é ✓",
                  "a": [
                    1,
                    2147483648,
                    1.5,
                    true,
                    null,
                    [],
                    {}
                  ],
                  "nested": {
                    "k": [
                      "v"
                    ]
                  }
                }
                """, text);
        assertEquals(m, Json.parse(text));
        assertEquals(GoldenContractTest.JSON.readTree(text), GoldenContractTest.JSON.readTree(Json.write(Json.parse(text))));
        assertEquals("A/é", Json.parse("\"\\u0041\\/\\u00e9\""));
    }

    @Test
    void mistakesAreReportedWithTheirOffset() {
        assertEquals("JSON: expected ':' at offset 5", assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}")).getMessage());
        assertEquals("JSON: duplicate field 'a' at offset 12",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}")).getMessage());
        assertEquals("JSON: unexpected text after the value at offset 3",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[]"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", new Object())));
    }
}
