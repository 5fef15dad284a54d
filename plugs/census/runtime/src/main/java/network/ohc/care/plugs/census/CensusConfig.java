package network.ohc.care.plugs.census;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * census' configuration, under {@link Plug#CONFIG} ({@code plug.census.config.*}, the keys deployers write in
 * plug-config.properties). The plug SDK generates census' config schema from this interface when it is compiled.
 */
@ConfigMapping(prefix = Plug.CONFIG)
public interface CensusConfig {
    /** Count beds being cleaned as available. */
    @WithDefault("false")
    boolean countCleaningAsAvailable();

    /** Beds that can take a patient now: the free ones, plus those being cleaned if so configured. */
    default int available(int free, int cleaning) {
        return free + (countCleaningAsAvailable() ? cleaning : 0);
    }
}
