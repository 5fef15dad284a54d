package network.ohc.care.core.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lifetimes of access tokens (short: they cannot be recalled one by one) and of refresh tokens. */
@ConfigMapping(prefix = "care.auth.tokens")
public interface TokenConfig {
    @WithDefault("PT15M")
    Duration accessLifetime();

    /** How long a refresh token may be used; each use replaces it with a new one. */
    @WithDefault("PT12H")
    Duration refreshLifetime();
}
