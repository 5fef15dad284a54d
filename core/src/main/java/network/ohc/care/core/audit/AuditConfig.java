package network.ohc.care.core.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Patient data access audit ({@code care.audit.*}). */
@ConfigMapping(prefix = "care.audit")
public interface AuditConfig {
    /** Off only for benchmarks comparing the cost of auditing. */
    @WithDefault("true")
    boolean enabled();

    /** How long audit records are kept; older ones are purged. */
    @WithDefault("P3653D")
    Duration retention();

    /** How often records past the retention are purged (a Quarkus scheduler period such as {@code 6h}). */
    @WithDefault("6h")
    String purgeEvery();

    /** Records waiting for the background writer at most; beyond that reads are dropped (and counted). */
    @WithDefault("20000")
    int queueCapacity();

    /** Records written per INSERT batch. */
    @WithDefault("500")
    int batchSize();

    /** How long a write waits for room in a full queue before its record is dropped (and counted). */
    @WithDefault("PT5S")
    Duration writeWait();
}
