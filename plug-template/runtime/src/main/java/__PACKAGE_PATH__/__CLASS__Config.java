package __PACKAGE__;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** This plug's configuration: plug.__NAME__.* (set in plug-config.properties as plug.__NAME__.config.*). */
@ConfigMapping(prefix = "plug.__NAME__")
public interface __CLASS__Config {
    @WithDefault("Hello")
    String greeting();

    @WithDefault("100")
    int maxLength();

    /** A secret: declared with type=secret in META-INF/care-plug.properties, so Care never prints or returns it. */
    Optional<String> apiToken();
}
