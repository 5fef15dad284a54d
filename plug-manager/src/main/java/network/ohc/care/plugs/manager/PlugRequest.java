package network.ohc.care.plugs.manager;

import java.util.Map;

/** One plug as the deployer described it in plug-config.properties. */
public record PlugRequest(String name, Source source, String version, boolean enabled, Map<String, LocatedProperties.Entry> config,
        int line) {

    /** Where a plug comes from. */
    public sealed interface Source permits MavenSource, GitSource, PathSource {
        String spec();
    }

    /** {@code group:artifact} from the configured Maven repositories. */
    public record MavenSource(String spec, String groupId, String artifactId) implements Source {
    }

    /** {@code git+https://…} or {@code git+file://…}, built with Maven at a tag or commit. */
    public record GitSource(String spec, String url) implements Source {
    }

    /** {@code path:dir}, relative to the config file, built with Maven. */
    public record PathSource(String spec, String path) implements Source {
    }
}
