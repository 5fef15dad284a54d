package network.ohc.care.plugs.webhooks.deployment;

import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceDirectoryBuildItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import network.ohc.care.plugs.webhooks.Plug;
import network.ohc.care.plugs.webhooks.Rules;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Build steps of the webhooks plug. */
class WebhooksProcessor {
    private static final String ENDPOINT = Plug.CONFIG + ".endpoint.";

    /** The build hook: every configured endpoint is checked before the image is made. */
    @BuildStep
    FeatureBuildItem feature() {
        Config config = ConfigProvider.getConfig();
        Set<String> ids = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ENDPOINT)) {
                String rest = name.substring(ENDPOINT.length());
                ids.add(rest.substring(0, Math.max(0, rest.lastIndexOf('.'))));
            }
        }
        boolean allowHttp = config.getOptionalValue(Plug.CONFIG + ".allow-http", Boolean.class).orElse(false);
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            String url = raw(config, ENDPOINT + id + ".url");
            String secret = raw(config, ENDPOINT + id + ".secret");
            String types = raw(config, ENDPOINT + id + ".types");
            // ${ENV} values are only known at start; the runtime repeats these checks then.
            problems.addAll(Rules.check(id, url, secret == null || secret.contains("${") ? "x".repeat(16) : secret,
                    types == null ? List.of("*") : List.of(types.split(",")), allowHttp).stream()
                    .filter(p -> url == null || !url.contains("${") || !p.contains(".url")).toList());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug " + Plug.NAME + ": " + String.join("; ", problems));
        }
        return new FeatureBuildItem("care-plug-" + Plug.NAME);
    }

    /**
     * Endpoint formats name classes the deployment supplies. They are checked here and fixed into the image as beans,
     * so the runtime finds them through CDI, with no reflection and nothing loaded by name (native images too).
     */
    @BuildStep
    AdditionalBeanBuildItem formats(CombinedIndexBuildItem index) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> named = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ENDPOINT) && name.endsWith(".format")) {
                named.put(name, raw(config, name));
            }
        }
        List<String> problems = FormatCheck.problems(index.getComputingIndex(), named);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug " + Plug.NAME + ": " + String.join("; ", problems));
        }
        return AdditionalBeanBuildItem.builder().addBeanClasses(named.values().stream().map(String::strip).toList()).setUnremovable()
                .setDefaultScope(BuiltinScope.SINGLETON.getName()).build();
    }

    private static String raw(Config config, String name) {
        return config.getConfigValue(name).getRawValue();
    }

    @BuildStep
    NativeImageResourceDirectoryBuildItem migrations() {
        return new NativeImageResourceDirectoryBuildItem("db/plugs/" + Plug.NAME);
    }
}
