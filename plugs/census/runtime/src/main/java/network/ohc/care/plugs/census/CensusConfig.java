package network.ohc.care.plugs.census;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** census' configuration: plug.census.* (set in plug-config.properties as plug.census.config.*). */
@ConfigMapping(prefix = "plug.census")
public interface CensusConfig {
    /** Count beds being cleaned as available. */
    @WithDefault("false")
    boolean countCleaningAsAvailable();

    /** Beds that can take a patient now: the free ones, plus those being cleaned if so configured. */
    default int available(int free, int cleaning) {
        return free + (countCleaningAsAvailable() ? cleaning : 0);
    }
}
