package network.ohc.care.plugs.kafkaexport.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import java.util.ArrayList;
import java.util.List;
import network.ohc.care.plugs.kafkaexport.Plug;
import network.ohc.care.plugs.kafkaexport.Rules;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Build steps of the kafka-export plug. */
class KafkaExportProcessor {

    /** The build hook: settings written in the file are checked before the image is made (${ENV} ones at start). */
    @BuildStep
    FeatureBuildItem feature() {
        Config config = ConfigProvider.getConfig();
        List<String> problems = new ArrayList<>();
        String servers = raw(config, Plug.CONFIG + ".bootstrap-servers");
        if (servers != null && !servers.contains("${")) {
            String p = Rules.bootstrapProblem(servers);
            if (p != null) {
                problems.add(p);
            }
        }
        String types = raw(config, Plug.CONFIG + ".types");
        if (types != null && !types.contains("${")) {
            // The build's class path: core's contracts and those of the plugs in the build.
            problems.addAll(Rules.check("localhost:9092", List.of(types.split(",")), Rules.typeNames(Rules.catalog()), "now", "PLAINTEXT",
                    null, true));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug " + Plug.NAME + ": " + String.join("; ", problems));
        }
        return new FeatureBuildItem("care-plug-" + Plug.NAME);
    }

    private static String raw(Config config, String name) {
        return config.getConfigValue(name).getRawValue();
    }
}
