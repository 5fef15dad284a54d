package network.ohc.care.plugs.manager;

import java.nio.file.Path;

/** A plug fetched and built: where its artifacts are, what they are, and where they came from. */
public record ResolvedPlug(PlugRequest request, String coordinates, String deploymentCoordinates, String version, String commit,
        Path runtimeJar, Path deploymentJar, PlugDescriptor descriptor, String runtimeSha256, String deploymentSha256) {
}
