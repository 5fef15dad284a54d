package network.ohc.care.plugs.census.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceDirectoryBuildItem;

/** Build steps of the census plug. */
class CensusProcessor {
    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem("care-plug-census");
    }

    /** census' migrations go into a native image too. */
    @BuildStep
    NativeImageResourceDirectoryBuildItem migrations() {
        return new NativeImageResourceDirectoryBuildItem("db/plugs/census");
    }
}
