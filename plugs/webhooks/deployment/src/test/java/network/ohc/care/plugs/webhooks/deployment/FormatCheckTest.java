package network.ohc.care.plugs.webhooks.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plugs.webhooks.PayloadFormat;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/** The build hook's check of format classes: each mistake gets its key and what is wrong. */
class FormatCheckTest {
    public static class Good implements PayloadFormat {
        @Override
        public String body(DomainSignal signal, String json) {
            return json;
        }
    }

    public static class Inherited extends Good {
    }

    public static class NotAFormat {
    }

    public abstract static class Abstract implements PayloadFormat {
    }

    public static class NeedsArgument implements PayloadFormat {
        public NeedsArgument(String prefix) {
        }

        @Override
        public String body(DomainSignal signal, String json) {
            return json;
        }
    }

    static List<String> check(String className) throws Exception {
        Index index = Index.of(Good.class, Inherited.class, NotAFormat.class, Abstract.class, NeedsArgument.class, PayloadFormat.class);
        Map<String, String> named = new LinkedHashMap<>();
        named.put("plug.webhooks.config.endpoint.his.format", className);
        return FormatCheck.problems(index, named);
    }

    @Test
    void acceptsAConcreteFormatDirectOrInherited() throws Exception {
        assertEquals(List.of(), check(Good.class.getName()));
        assertEquals(List.of(), check(Inherited.class.getName()));
    }

    @Test
    void namesEachMistake() throws Exception {
        assertEquals(List.of("plug.webhooks.config.endpoint.his.format names org.example.Missing, which is not on the deployment's class path"
                + " (ship it in a plug of yours)"), check("org.example.Missing"));
        assertEquals(List.of("plug.webhooks.config.endpoint.his.format names " + NotAFormat.class.getName() + ", which does not implement "
                + PayloadFormat.class.getName()), check(NotAFormat.class.getName()));
        assertEquals(List.of("plug.webhooks.config.endpoint.his.format names " + Abstract.class.getName() + ", which is abstract: name a concrete"
                + " class"), check(Abstract.class.getName()));
        assertEquals(List.of("plug.webhooks.config.endpoint.his.format names " + NeedsArgument.class.getName() + ", which has no public"
                + " no-argument (or @Inject) constructor"), check(NeedsArgument.class.getName()));
        assertEquals(List.of("plug.webhooks.config.endpoint.his.format must name a class in the file itself: the class is fixed into the image at"
                + " build time"), check("${HIS_FORMAT}"));
    }
}
