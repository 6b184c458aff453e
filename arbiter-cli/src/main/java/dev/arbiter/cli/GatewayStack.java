package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.LedgerConfig;
import dev.arbiter.core.config.RouteConfig;
import dev.arbiter.core.config.TenancyConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.gateway.TenancyServices;
import dev.arbiter.core.ledger.Baselines;
import dev.arbiter.core.ledger.BatchingLedger;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.InMemoryLedger;
import dev.arbiter.core.ledger.LedgerRecorder;
import dev.arbiter.core.ledger.LedgerSink;
import dev.arbiter.core.limits.AlertSink;
import dev.arbiter.core.limits.InMemoryRateLimiter;
import dev.arbiter.core.limits.InMemorySpendCounters;
import dev.arbiter.core.limits.LimitsConfig;
import dev.arbiter.core.limits.RateLimiter;
import dev.arbiter.core.limits.SpendCounters;
import dev.arbiter.core.limits.SpendHistory;
import dev.arbiter.core.limits.WebhookAlerts;
import dev.arbiter.core.observe.ExchangeListener;
import dev.arbiter.core.provider.sandbox.Pacer;
import dev.arbiter.core.router.RouterServices;
import dev.arbiter.core.tenancy.Authenticator;
import dev.arbiter.core.tenancy.InMemoryKeyStore;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.server.AdminApi;
import dev.arbiter.server.ServerAddons;
import dev.arbiter.server.ServerAddons.Count;
import dev.arbiter.store.Storage;
import dev.arbiter.store.redis.RedisLimits;
import dev.arbiter.store.redis.RedisRateLimiter;
import dev.arbiter.store.redis.RedisSpendCounters;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code serve} runs besides the HTTP server, wired from the config: the storage (SQLite, PostgreSQL or
 * memory) with its keys and ledger, the ledger's batch writer, budgets and rate limits (in this process, or shared
 * through Redis), the authenticator, the engine, and the admin API. Closing it flushes the ledger and then closes
 * Redis and the database, in that order.
 */
final class GatewayStack implements AutoCloseable {
    private final Engine engine;
    private final ServerAddons addons;
    private final List<String> description;
    private final BatchingLedger ledger;
    private final RedisLimits redis;
    private final Storage storage;

    private GatewayStack(Engine engine, ServerAddons addons, List<String> description, BatchingLedger ledger,
                         RedisLimits redis, Storage storage) {
        this.engine = engine;
        this.addons = addons;
        this.description = description;
        this.ledger = ledger;
        this.redis = redis;
        this.storage = storage;
    }

    /** Opens the storage and Redis the config names and assembles the engine; StorageException if the database fails. */
    static GatewayStack open(GatewayConfig config) {
        TenancyConfig tenancy = config.tenancy();
        List<String> description = new ArrayList<>();
        Storage storage = tenancy.storage().enabled() ? Storage.open(tenancy.storage()) : null;
        RedisLimits redis = null;
        try {
            KeyStore keys;
            LedgerSink sink;
            CostQuery costs;
            if (storage != null) {
                keys = storage.keys();
                sink = storage.ledger();
                costs = storage.costs();
                description.add("Storage: " + storage.describe());
            } else {
                InMemoryLedger memory = new InMemoryLedger();
                keys = new InMemoryKeyStore();
                sink = memory;
                costs = memory;
                description.add("Storage: in memory (storage.url: none)");
            }

            LimitsConfig limits = tenancy.limits();
            SpendHistory history = tenancy.ledger().enabled() ? SpendHistory.from(costs) : SpendHistory.NONE;
            SpendCounters counters;
            RateLimiter limiter;
            if (limits.redis() != null) {
                redis = RedisLimits.open(limits.redis());
                if (!redis.warmUp()) {
                    description.add("Warning: Redis at " + limits.redis().url() + " is unreachable now; requests"
                            + " meet the on_unavailable policy until it answers");
                }
                counters = new RedisSpendCounters(redis, history, InstantSource.system());
                limiter = new RedisRateLimiter(redis);
                description.add("Budgets and rate limits: shared through Redis at " + limits.redis().url()
                        + " (" + limits.redis().onUnavailable().name().toLowerCase() + " when unreachable)");
            } else {
                counters = new InMemorySpendCounters(InstantSource.system(), history);
                limiter = new InMemoryRateLimiter(InstantSource.system());
            }
            AlertSink alerts = limits.alertsWebhook() != null ? WebhookAlerts.to(limits.alertsWebhook())
                    : WebhookAlerts.logOnly();
            Authenticator authenticator = tenancy.auth().enabled()
                    ? new Authenticator(keys, tenancy.auth().keyCache()) : null;
            Engine engine = Engine.assemble(config, Pacer.sleeping(), RouterServices.defaults(),
                    new TenancyServices(authenticator, counters, limiter, alerts));

            BatchingLedger batching = null;
            ExchangeListener recorder = ExchangeListener.NONE;
            if (tenancy.ledger().enabled()) {
                LedgerConfig lc = tenancy.ledger();
                batching = new BatchingLedger(sink,
                        BatchingLedger.Settings.defaults(lc.batchSize(), lc.flushInterval(), lc.queueCapacity()));
                recorder = new LedgerRecorder(batching::offer, engine.gateway().catalog()::find,
                        new Baselines(routeBaselines(config), lc.baselineModel()));
            } else {
                description.add("Ledger: off (ledger.enabled: false)");
            }
            AdminApi admin = authenticator == null ? AdminApi.disabled()
                    : AdminApi.create(keys, authenticator, tenancy.ledger().enabled() ? costs : null,
                            tenancy.auth().adminKey());
            ServerAddons addons = new ServerAddons(admin, recorder, counters(batching, redis));
            return new GatewayStack(engine, addons, description, batching, redis, storage);
        } catch (RuntimeException e) {
            closeQuietly(redis);
            closeQuietly(storage);
            throw e;
        }
    }

    Engine engine() {
        return engine;
    }

    ServerAddons addons() {
        return addons;
    }

    /** Lines for the start-up banner: where keys and the ledger live, how limits are shared. */
    List<String> description() {
        return description;
    }

    /** Flushes the ledger (bounded wait), then closes Redis and the database. */
    @Override
    public void close() {
        if (ledger != null) {
            ledger.close();
        }
        closeQuietly(redis);
        closeQuietly(storage);
    }

    private static Map<String, String> routeBaselines(GatewayConfig config) {
        Map<String, String> byRoute = new HashMap<>();
        for (RouteConfig route : config.routing().routes()) {
            if (route.baseline() != null) {
                byRoute.put(route.name(), route.baseline());
            }
        }
        return byRoute;
    }

    private static Map<String, Count> counters(BatchingLedger ledger, RedisLimits redis) {
        Map<String, Count> counters = new LinkedHashMap<>();
        if (ledger != null) {
            counters.put("arbiter_ledger_rows_accepted", new Count("Ledger rows queued for writing",
                    () -> ledger.stats().accepted()));
            counters.put("arbiter_ledger_rows_written", new Count("Ledger rows written to the store",
                    () -> ledger.stats().written()));
            counters.put("arbiter_ledger_rows_dropped", new Count("Ledger rows dropped because the queue was full",
                    () -> ledger.stats().dropped()));
            counters.put("arbiter_ledger_write_failures", new Count("Ledger batch writes that failed (and were retried)",
                    () -> ledger.stats().failedWrites()));
        }
        if (redis != null) {
            counters.put("arbiter_limits_store_failures", new Count("Calls to Redis for budgets or rate limits that failed",
                    () -> redis.outages().failures()));
            counters.put("arbiter_limits_admitted_unchecked", new Count("Requests admitted unchecked while Redis was"
                    + " unreachable (fail_open)", () -> redis.outages().admittedUnchecked()));
            counters.put("arbiter_limits_refused_unavailable", new Count("Requests refused while Redis was unreachable"
                    + " (fail_closed)", () -> redis.outages().refused()));
        }
        return counters;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing more to do with it
        }
    }
}
