package dev.arbiter.core.config;

import dev.arbiter.core.limits.LimitsConfig;

/**
 * Who may call and what it costs: the {@code auth} section (admin key; none = the gateway runs open), where keys
 * and the ledger are stored ({@code storage}), how the ledger is written ({@code ledger}), and the budgets, rate
 * limits, Redis and alerts ({@code budgets}, {@code rate_limits}, {@code redis}, {@code alerts}).
 */
public record TenancyConfig(AuthConfig auth, StorageConfig storage, LedgerConfig ledger, LimitsConfig limits) {
    /** Open, no storage, the ledger's defaults, no limits: what tests and embedded use start from. */
    public static final TenancyConfig DEFAULTS = new TenancyConfig(AuthConfig.OPEN, StorageConfig.NONE,
            LedgerConfig.DEFAULTS, LimitsConfig.DEFAULTS);

    public TenancyConfig {
        auth = auth == null ? AuthConfig.OPEN : auth;
        storage = storage == null ? StorageConfig.NONE : storage;
        ledger = ledger == null ? LedgerConfig.DEFAULTS : ledger;
        limits = limits == null ? LimitsConfig.DEFAULTS : limits;
    }

    public TenancyConfig withAuth(AuthConfig newAuth) {
        return new TenancyConfig(newAuth, storage, ledger, limits);
    }

    public TenancyConfig withStorage(StorageConfig newStorage) {
        return new TenancyConfig(auth, newStorage, ledger, limits);
    }

    public TenancyConfig withLimits(LimitsConfig newLimits) {
        return new TenancyConfig(auth, storage, ledger, newLimits);
    }
}
