package network.ohc.care.core.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Growing delays after failed sign-ins, per account and per client address (see {@link LoginThrottleConfig}). */
@ApplicationScoped
public class LoginThrottle {
    record Failures(int count, Instant last, Instant allowedAt) {
    }

    private final Map<String, Failures> tracked = new ConcurrentHashMap<>();
    private final LoginThrottleConfig config;

    @Inject
    public LoginThrottle(LoginThrottleConfig config) {
        this.config = config;
    }

    /** How long the caller must wait before trying again; zero when an attempt may be made now. */
    public Duration waitFor(String account, String address, Instant now) {
        if (!config.enabled()) {
            return Duration.ZERO;
        }
        Duration a = remaining(accountKey(account), now);
        Duration b = remaining(addressKey(address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String account, String address, Instant now) {
        if (!config.enabled()) {
            return;
        }
        record(accountKey(account), config.accountFreeFailures(), now);
        record(addressKey(address), config.addressFreeFailures(), now);
        if (tracked.size() > config.maxTracked()) {
            forgetStalest();
        }
    }

    /** The right password clears the account's failures; the address keeps its own (another account may be attacked from it). */
    public void succeeded(String account) {
        tracked.remove(accountKey(account));
    }

    private Duration remaining(String key, Instant now) {
        Failures f = tracked.get(key);
        if (f == null || !now.isBefore(f.allowedAt())) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.allowedAt());
    }

    private void record(String key, int free, Instant now) {
        tracked.compute(key, (k, old) -> {
            int count = old == null || now.isAfter(old.last().plus(config.forgetAfter())) ? 1 : old.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count, free)));
        });
    }

    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = config.baseDelay().multipliedBy(1L << doublings);
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    private void forgetStalest() {
        tracked.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last())).limit(tracked.size() / 10 + 1)
                .map(Map.Entry::getKey).toList().forEach(tracked::remove);
    }

    private static String accountKey(String account) {
        return "u:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
