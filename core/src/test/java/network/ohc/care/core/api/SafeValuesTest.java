package network.ohc.care.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SafeValuesTest {
    record Body(String name, Instant from) {
    }

    ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void refusesWhatTheDatabaseCannotHoldAndNamesTheField() {
        SafeValues.BadValue nul = assertThrows(SafeValues.BadValue.class, () -> mapper().readValue("{\"name\":\"a\\u0000\"}", Body.class));
        assertEquals("name", ProblemMappers.jsonPath(nul));
        SafeValues.BadValue far = assertThrows(SafeValues.BadValue.class,
                () -> mapper().readValue("{\"from\":\"+999999999-12-31T23:59:59Z\"}", Body.class));
        assertEquals("from", ProblemMappers.jsonPath(far));
        assertEquals("a\uD83C\uDFE5", assertDoesNotThrowRead("{\"name\":\"a\\ud83c\\udfe5\"}").name());
    }

    private Body assertDoesNotThrowRead(String json) {
        try {
            return mapper().readValue(json, Body.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
