package __PACKAGE__.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceDirectoryBuildItem;
import __PACKAGE__.Plug;
import org.eclipse.microprofile.config.ConfigProvider;

/** Build steps of the __NAME__ plug: they run inside `./care build` (the plug's build hooks). */
class __CLASS__Processor {
    private static final String FEATURE = "care-plug-" + Plug.NAME;

    /** Names the plug among the installed features, after its build hook passed. */
    @BuildStep
    FeatureBuildItem feature() {
        checkConfig();
        return new FeatureBuildItem(FEATURE);
    }

    /** The plug's migrations go into a native image too (a JVM build reads them from the jar). */
    @BuildStep
    NativeImageResourceDirectoryBuildItem migrations() {
        return new NativeImageResourceDirectoryBuildItem("db/plugs/" + Plug.NAME);
    }

    /** A build hook: refuse a configuration that cannot work, before the image is made. */
    static void checkConfig() {
        var config = ConfigProvider.getConfig();
        String greeting = config.getOptionalValue(Plug.CONFIG + ".greeting", String.class).orElse("Hello");
        int max = config.getOptionalValue(Plug.CONFIG + ".max-length", Integer.class).orElse(100);
        if (greeting.length() > max) {
            throw new IllegalStateException("plug " + Plug.NAME + ": greeting is " + greeting.length() + " characters; max-length is " + max);
        }
    }
}
