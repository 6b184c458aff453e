package dev.arbiter.core.gateway;

import dev.arbiter.core.limits.AlertSink;
import dev.arbiter.core.limits.InMemoryRateLimiter;
import dev.arbiter.core.limits.InMemorySpendCounters;
import dev.arbiter.core.limits.RateLimiter;
import dev.arbiter.core.limits.SpendCounters;
import dev.arbiter.core.limits.SpendHistory;
import dev.arbiter.core.tenancy.Authenticator;
import java.time.InstantSource;

/**
 * The stateful parts of tenancy the pipeline uses, built by whoever owns the storage (the CLI's serve, a test):
 * the authenticator (null = the gateway runs open), the spend counters behind budgets, the rate limiter, and where
 * budget alerts go. {@link #inMemory} is a single process's version, seeded from nothing.
 */
public record TenancyServices(Authenticator authenticator, SpendCounters counters, RateLimiter limiter,
                              AlertSink alerts) {
    public TenancyServices {
        alerts = alerts == null ? AlertSink.NONE : alerts;
    }

    /** Open, with in-memory counters and limiter: what a gateway without storage or Redis uses. */
    public static TenancyServices inMemory() {
        return new TenancyServices(null, new InMemorySpendCounters(InstantSource.system(), SpendHistory.NONE),
                new InMemoryRateLimiter(InstantSource.system()), AlertSink.NONE);
    }

    public TenancyServices withAuthenticator(Authenticator newAuthenticator) {
        return new TenancyServices(newAuthenticator, counters, limiter, alerts);
    }
}
