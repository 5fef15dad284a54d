package __PACKAGE__;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import network.ohc.care.plug.sdk.config.Secret;

/** The plug's settings, plug.__NAME__.config.* as deployers write them; also the schema ./care build checks them against. */
@ConfigMapping(prefix = Plug.CONFIG)
public interface __CLASS__Config {
    /** What GET /api/v1/plugs/__NAME__/hello answers. */
    @WithDefault("Hello")
    String greeting();

    /** Longest greeting accepted (checked at build time). */
    @WithDefault("100")
    int maxLength();

    /** A token for an outside service; never printed or returned (give it as ${ENV_VAR}). */
    @Secret
    Optional<String> apiToken();
}
