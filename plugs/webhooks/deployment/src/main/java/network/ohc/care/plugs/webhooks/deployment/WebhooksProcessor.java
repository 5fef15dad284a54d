package network.ohc.care.plugs.webhooks.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceDirectoryBuildItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import network.ohc.care.plugs.webhooks.Rules;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Build steps of the webhooks plug. */
class WebhooksProcessor {

    /** The build hook: every configured endpoint is checked before the image is made. */
    @BuildStep
    FeatureBuildItem feature() {
        Config config = ConfigProvider.getConfig();
        Set<String> ids = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("plug.webhooks.endpoint.")) {
                String rest = name.substring("plug.webhooks.endpoint.".length());
                ids.add(rest.substring(0, Math.max(0, rest.lastIndexOf('.'))));
            }
        }
        boolean allowHttp = config.getOptionalValue("plug.webhooks.allow-http", Boolean.class).orElse(false);
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            String url = raw(config, "plug.webhooks.endpoint." + id + ".url");
            String secret = raw(config, "plug.webhooks.endpoint." + id + ".secret");
            String types = raw(config, "plug.webhooks.endpoint." + id + ".types");
            // ${ENV} values are only known at start; the runtime repeats these checks then.
            problems.addAll(Rules.check(id, url, secret == null || secret.contains("${") ? "x".repeat(16) : secret,
                    types == null ? List.of("*") : List.of(types.split(",")), allowHttp).stream()
                    .filter(p -> url == null || !url.contains("${") || !p.contains(".url")).toList());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug webhooks: " + String.join("; ", problems));
        }
        return new FeatureBuildItem("care-plug-webhooks");
    }

    private static String raw(Config config, String name) {
        return config.getConfigValue(name).getRawValue();
    }

    @BuildStep
    NativeImageResourceDirectoryBuildItem migrations() {
        return new NativeImageResourceDirectoryBuildItem("db/plugs/webhooks");
    }
}
