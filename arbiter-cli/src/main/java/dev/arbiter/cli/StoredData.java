package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.StorageConfig;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.ledger.Projection;
import dev.arbiter.core.limits.BudgetRule;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import dev.arbiter.store.Storage;
import dev.arbiter.store.StorageException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Points the offline commands ({@code keys}, {@code costs}, {@code project}) at the database the config names, the
 * same one a running gateway uses. Each command opens the storage, uses it and closes it.
 */
final class StoredData {
    private StoredData() {
    }

    static void register() {
        KeyStores.use(config -> new StoredKeys(open(config)));
        LedgerAccess.useCostQuery(config -> new StoredCosts(open(config)));
        LedgerAccess.useBudgets(StoredData::budgets);
    }

    private static Storage open(GatewayConfig config) {
        StorageConfig storage = config.tenancy().storage();
        if (!storage.enabled()) {
            throw new KeyStores.Unavailable("storage.url is none, so keys and the ledger live only inside a running"
                    + " gateway; use its admin API (/admin/keys, /admin/costs) instead");
        }
        try {
            return Storage.open(storage);
        } catch (StorageException e) {
            throw new KeyStores.Unavailable("cannot open the storage: " + e.getMessage(), e);
        }
    }

    /** The budgets with a named subject: the config's rules, and every live key's own budget. */
    private static List<Projection.Budget> budgets(GatewayConfig config) {
        List<Projection.Budget> budgets = new ArrayList<>();
        for (BudgetRule rule : config.tenancy().limits().budgets()) {
            if (!rule.subject().equals(BudgetRule.EACH)) {
                budgets.add(new Projection.Budget(rule.scope().ledgerGroup(), rule.subject(), rule.spec().usd(),
                        rule.spec().period()));
            }
        }
        if (config.tenancy().storage().enabled()) {
            try (StoredKeys keys = new StoredKeys(open(config))) {
                for (VirtualKey key : keys.list()) {
                    if (!key.revoked() && key.budget() != null) {
                        budgets.add(new Projection.Budget(GroupBy.KEY, key.id(), key.budget().usd(),
                                key.budget().period()));
                    }
                }
            }
        }
        return budgets;
    }

    /** The storage's key store, closing the storage with it. */
    private record StoredKeys(Storage storage) implements KeyStore, AutoCloseable {
        @Override
        public IssuedKey create(KeySpec spec) {
            return storage.keys().create(spec);
        }

        @Override
        public Optional<VirtualKey> findBySecret(String secret) {
            return storage.keys().findBySecret(secret);
        }

        @Override
        public List<VirtualKey> list() {
            return storage.keys().list();
        }

        @Override
        public Optional<VirtualKey> revoke(String idOrPrefix) {
            return storage.keys().revoke(idOrPrefix);
        }

        @Override
        public void close() {
            storage.close();
        }
    }

    /** The storage's ledger queries, closing the storage with them. */
    private record StoredCosts(Storage storage) implements CostQuery, AutoCloseable {
        @Override
        public CostReport costs(GroupBy by, Instant from, Instant to) {
            return storage.costs().costs(by, from, to);
        }

        @Override
        public List<DailySpend> daily(GroupBy by, Instant from, Instant to) {
            return storage.costs().daily(by, from, to);
        }

        @Override
        public BigDecimal spend(GroupBy by, String subject, Instant from) {
            return storage.costs().spend(by, subject, from);
        }

        @Override
        public void close() {
            storage.close();
        }
    }
}
