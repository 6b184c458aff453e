package dev.arbiter.store.redis;

import dev.arbiter.core.limits.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis connection the shared spend counters and rate limiter run their Lua scripts on, with the key prefix, the
 * timeout (connecting and every call) and the outage policy. It connects on first use, so the gateway starts while
 * Redis is down; after a failed connect it waits a second before trying again (requests meanwhile fail fast), and
 * while a live connection is re-established calls are rejected at once rather than queued.
 */
public final class RedisLimits implements AutoCloseable {
    private static final long RECONNECT_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisSettings settings;
    private final RedisClient client;
    private final LimitsOutages outages;
    private volatile StatefulRedisConnection<String, String> connection;
    private long nextConnect = System.nanoTime(); // guarded by this

    private RedisLimits(RedisSettings settings, RedisClient client) {
        this.settings = settings;
        this.client = client;
        this.outages = new LimitsOutages(settings);
    }

    /** A client for {@code settings}; no connection is made until the first call. */
    public static RedisLimits open(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.timeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .build());
        return new RedisLimits(settings, client);
    }

    /** What failed while Redis was unreachable, for the metrics; also applies the fail-open/closed policy. */
    public LimitsOutages outages() {
        return outages;
    }

    public RedisSettings settings() {
        return settings;
    }

    /**
     * Connects and loads the scripts now (a few tries), so the first requests neither pay for Lettuce's and Netty's
     * start-up nor fail over it: a cold first connect can take longer than the per-call timeout, and until it
     * succeeds every request would meet the fail-open/closed policy. False when Redis could not be reached.
     */
    public boolean warmUp() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            synchronized (this) {
                nextConnect = System.nanoTime();
            }
            try {
                RedisCommands<String, String> redis = connection().sync();
                for (Script script : Script.ALL) {
                    redis.scriptLoad(script.source());
                }
                return true;
            } catch (RuntimeException e) {
                // tried again below; the caller reports the last failure
            }
        }
        return false;
    }

    /** The full Redis key for {@code name}: the configured prefix, then the name. */
    String key(String name) {
        return settings.keyPrefix() + name;
    }

    /** Runs {@code script} (EVALSHA, loading it with EVAL when Redis does not know it yet); throws on any failure. */
    List<Object> run(Script script, String[] keys, String... args) {
        RedisCommands<String, String> redis = connection().sync();
        try {
            return redis.evalsha(script.sha(), ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException unknown) {
            return redis.eval(script.source(), ScriptOutputType.MULTI, keys, args);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null) {
                if (System.nanoTime() - nextConnect < 0) {
                    throw new RedisConnectionException("not connected; the last attempt failed less than a second ago");
                }
                try {
                    connection = client.connect();
                } catch (RuntimeException e) {
                    nextConnect = System.nanoTime() + RECONNECT_PAUSE_NANOS;
                    throw e;
                }
            }
            return connection;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown();
    }
}
