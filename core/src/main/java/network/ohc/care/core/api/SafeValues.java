package network.ohc.care.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Refuses, with the field named, JSON values the database cannot hold: text with NUL or a lone surrogate, and
 * instants outside years 1..9999 (PostgreSQL would fail, or the value would come back changed).
 */
final class SafeValues {
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private SafeValues() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("care-safe-values");
        module.addDeserializer(String.class, new SafeString());
        module.addDeserializer(Instant.class, new SafeInstant());
        return module;
    }

    /** A value that parsed but cannot be accepted; Jackson adds the path, {@link ProblemMappers} names it. */
    static final class BadValue extends JsonMappingException {
        BadValue(JsonParser p, String message) {
            super(p, message);
        }
    }

    static final class SafeString extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = s == null ? null : Text.problem(s);
            if (problem != null) {
                throw new BadValue(p, problem);
            }
            return s;
        }
    }

    static final class SafeInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant i = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (i != null && (i.isBefore(EARLIEST) || i.isAfter(LATEST))) {
                throw new BadValue(p, "must be between years 0001 and 9999");
            }
            return i;
        }
    }
}
