package network.ohc.care.plugs.census.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceDirectoryBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import network.ohc.care.plugs.census.Plug;
import network.ohc.care.plugs.census.contracts.CensusSignals;

/** Build steps of the census plug. */
class CensusProcessor {
    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem("care-plug-" + Plug.NAME);
    }

    /** census' migrations go into a native image too. */
    @BuildStep
    NativeImageResourceDirectoryBuildItem migrations() {
        return new NativeImageResourceDirectoryBuildItem("db/plugs/" + Plug.NAME);
    }

    /** The signals census publishes are written and read with Jackson: a native image must keep their components. */
    @BuildStep
    ReflectiveClassBuildItem signals() {
        return ReflectiveClassBuildItem.builder(CensusSignals.all().toArray(Class[]::new)).methods().fields().build();
    }
}
