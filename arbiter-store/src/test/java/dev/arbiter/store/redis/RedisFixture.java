package dev.arbiter.store.redis;

import dev.arbiter.core.limits.RedisSettings;
import dev.arbiter.testing.services.RealServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Connections to the test Redis under one random key prefix (other tests share the server), each standing for one
 * gateway replica, plus a raw connection to look at the keys; {@link #close} deletes every key under the prefix.
 */
final class RedisFixture implements AutoCloseable {
    final String url = RealServices.redisUrl();
    final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<RedisLimits> opened = new ArrayList<>();
    private final RedisClient rawClient = RedisClient.create(url);
    final StatefulRedisConnection<String, String> raw = rawClient.connect();

    /** A new replica's Redis connection with {@code policy}. */
    RedisLimits replica(RedisSettings.OnUnavailable policy) {
        RedisLimits r = RedisLimits.open(new RedisSettings(url, policy, Duration.ofSeconds(2), prefix));
        opened.add(r);
        return r;
    }

    RedisLimits replica() {
        return replica(RedisSettings.OnUnavailable.FAIL_CLOSED);
    }

    @Override
    public void close() {
        opened.forEach(RedisLimits::close);
        List<String> keys = raw.sync().keys(prefix + "*");
        if (!keys.isEmpty()) {
            raw.sync().del(keys.toArray(String[]::new));
        }
        raw.close();
        rawClient.shutdown();
    }
}
