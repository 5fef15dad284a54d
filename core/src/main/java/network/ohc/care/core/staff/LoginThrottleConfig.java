package network.ohc.care.core.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Failed sign-ins slow down further attempts, per account and per client address: after the free failures each
 * further failure doubles the wait, up to {@code maxDelay}. No hard lock, so an attacker cannot keep a user out
 * for longer than the delay; with the defaults an account sees fewer than 100 failed attempts an hour (ASVS 2.2.1).
 */
@ConfigMapping(prefix = "care.auth.login-throttle")
public interface LoginThrottleConfig {
    @WithDefault("true")
    boolean enabled();

    /** Failures per account answered without delay. */
    @WithDefault("5")
    int accountFreeFailures();

    /** Failures per client address answered without delay (higher: many staff may share one address). */
    @WithDefault("50")
    int addressFreeFailures();

    /** The wait after the first failure beyond the free ones; doubles with each further failure. */
    @WithDefault("PT1S")
    Duration baseDelay();

    @WithDefault("PT1M")
    Duration maxDelay();

    /** An account or address with no failure for this long starts afresh. */
    @WithDefault("PT1H")
    Duration forgetAfter();

    /** Accounts and addresses tracked at most (memory bound); the stalest are forgotten first. */
    @WithDefault("100000")
    int maxTracked();
}
