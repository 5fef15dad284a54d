package network.ohc.care.plugs.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import network.ohc.care.bus.contracts.SignalCatalog;

/** What makes an endpoint valid; checked by the build hook and again at start (the environment may override). */
public final class Rules {
    private Rules() {
    }

    public static Set<String> knownTypes() {
        return SignalCatalog.coreSignals().stream().map(SignalCatalog::typeName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Mistakes in one endpoint's settings, as messages. */
    public static List<String> check(String id, String url, String secret, Collection<String> types, boolean allowHttp) {
        List<String> out = new ArrayList<>();
        String key = Plug.CONFIG + ".endpoint." + id;
        if (url == null || url.isBlank()) {
            out.add(key + ".url is not set");
        } else if (!url.startsWith("https://") && !(allowHttp && url.startsWith("http://"))) {
            out.add(key + ".url must be an https:// URL" + (url.startsWith("http://") ? " (plain http needs " + Plug.CONFIG + ".allow-http=true)" : ""));
        }
        if (secret == null || secret.length() < 16) {
            out.add(key + ".secret must be set, at least 16 characters");
        }
        Set<String> known = knownTypes();
        for (String t : types) {
            if (!t.equals("*") && !known.contains(t.strip())) {
                out.add(key + ".types: unknown signal type '" + t.strip() + "'; known: " + String.join(", ", known));
            }
        }
        return out;
    }

    public static boolean wants(Collection<String> types, String type) {
        return types.stream().anyMatch(t -> t.strip().equals("*") || t.strip().equals(type));
    }
}
