package network.ohc.care.plugs.kafkaexport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import network.ohc.care.bus.contracts.SignalCatalog;

/** The plug's configuration rules, checked at start (values given as ${ENV_VAR} are only known then). */
public final class Rules {
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):\\d{1,5}");
    static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    private Rules() {
    }

    /**
     * Every signal type the export can take: core's and those of each contract jar on the class path (a plug's own,
     * when the plug is in the build).
     */
    public static SignalCatalog catalog() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return SignalCatalog.onClassPath(loader != null ? loader : Rules.class.getClassLoader());
    }

    public static Set<String> typeNames(SignalCatalog catalog) {
        return catalog.all().stream().map(SignalCatalog::typeName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public static boolean wants(List<String> types, String type) {
        return types.stream().map(String::strip).anyMatch(t -> t.equals("*") || t.equals(type));
    }

    /** Why {@code servers} is not a host:port[,host:port...] list, or null. */
    public static String bootstrapProblem(String servers) {
        if (servers == null || servers.isBlank()) {
            return "bootstrap-servers must be set (host:port[,host:port...])";
        }
        for (String s : servers.split(",")) {
            String hp = s.strip();
            if (!HOST_PORT.matcher(hp).matches()) {
                return "bootstrap-servers: '" + hp + "' is not host:port";
            }
            int port = Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) {
                return "bootstrap-servers: '" + hp + "' has no valid port (1 to 65535)";
            }
        }
        return null;
    }

    /** Mistakes in the settings; {@code known}: the signal types there are (see {@link #catalog()}). */
    public static List<String> check(String servers, List<String> types, Set<String> known, String startFrom, String protocol,
            String mechanism, boolean hasPassword) {
        List<String> out = new ArrayList<>();
        String b = bootstrapProblem(servers);
        if (b != null) {
            out.add(b);
        }
        for (String t : types) {
            if (!t.strip().equals("*") && !known.contains(t.strip())) {
                out.add("types: unknown signal type '" + t.strip() + "' (neither core's nor declared by a contract jar in the build)");
            }
        }
        if (!startFrom.equalsIgnoreCase("now") && !startFrom.equalsIgnoreCase("beginning")) {
            out.add("start-from must be now or beginning, not '" + startFrom + "'");
        }
        if (!PROTOCOLS.contains(protocol)) {
            out.add("security-protocol must be one of " + String.join(", ", PROTOCOLS.stream().sorted().toList()));
        }
        if (mechanism != null) {
            if (!MECHANISMS.contains(mechanism)) {
                out.add("sasl.mechanism must be one of " + String.join(", ", MECHANISMS.stream().sorted().toList()));
            }
            if (!protocol.startsWith("SASL_")) {
                out.add("sasl.mechanism needs security-protocol SASL_SSL or SASL_PLAINTEXT");
            }
            if (!hasPassword) {
                out.add("sasl.password must be set with sasl.mechanism (as ${ENV_VAR})");
            }
        }
        return out;
    }
}
