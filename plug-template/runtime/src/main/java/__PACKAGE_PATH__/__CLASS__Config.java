package __PACKAGE__;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This plug's configuration: plug.__NAME__.* (set in plug-config.properties as plug.__NAME__.config.*). */
@ConfigMapping(prefix = "plug.__NAME__")
public interface __CLASS__Config {
    @WithDefault("Hello")
    String greeting();

    @WithDefault("100")
    int maxLength();
}
