package dev.arbiter.store.redis;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.limits.RateLimit;
import dev.arbiter.core.limits.RateLimiter;
import dev.arbiter.core.limits.RatePermit;
import dev.arbiter.core.limits.RateRefusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate limits every replica shares: GCRA in {@code gcra.lua} on the Redis server's clock, one key per cell
 * ({@code <prefix>rate:<scope>:<subject>:rpm|tpm} holding the theoretical arrival time in µs, expiring once it has
 * passed), all of a request's cells checked and charged in one atomic step; {@code gcra_correct.lua} moves the token
 * cells by the difference between the real and the estimated tokens. Redis failures follow the outage policy.
 */
public final class RedisRateLimiter implements RateLimiter {
    private final RedisLimits redis;

    public RedisRateLimiter(RedisLimits redis) {
        this.redis = redis;
    }

    private record Cell(RateLimit limit, RateLimit.Kind kind) {
    }

    @Override
    public RateResult acquire(List<RateLimit> limits, long estimatedTokens) {
        List<Cell> cells = new ArrayList<>();
        for (RateLimit limit : limits) {
            for (RateLimit.Kind kind : RateLimit.Kind.values()) {
                if (limit.perMinute(kind) != null) {
                    cells.add(new Cell(limit, kind));
                }
            }
        }
        if (cells.isEmpty()) {
            return new RatePermit(limits, estimatedTokens);
        }
        String[] keys = new String[cells.size()];
        String[] args = new String[cells.size() * 2];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            keys[i] = cellKey(c.limit(), c.kind());
            args[2 * i] = Long.toString(c.kind() == RateLimit.Kind.REQUESTS ? 1 : estimatedTokens);
            args[2 * i + 1] = Long.toString(c.limit().perMinute(c.kind()));
        }
        try {
            List<Object> reply = redis.run(Script.GCRA, keys, args);
            int refused = (int) ((Number) reply.get(0)).longValue();
            if (refused == 0) {
                return new RatePermit(limits, estimatedTokens);
            }
            Cell c = cells.get(refused - 1);
            return new RateRefusal(c.limit(), c.kind(), Duration.ofNanos(((Number) reply.get(1)).longValue() * 1000));
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            redis.outages().admission("check a rate limit", e);
            return new RatePermit(limits, estimatedTokens);
        }
    }

    @Override
    public void correct(RatePermit permit, long actualTokens) {
        long delta = actualTokens - permit.tokens();
        List<RateLimit> tokenLimits = permit.tokenLimits();
        if (delta == 0 || tokenLimits.isEmpty()) {
            return;
        }
        String[] keys = new String[tokenLimits.size()];
        String[] args = new String[tokenLimits.size() + 1];
        args[0] = Long.toString(delta);
        for (int i = 0; i < tokenLimits.size(); i++) {
            keys[i] = cellKey(tokenLimits.get(i), RateLimit.Kind.TOKENS);
            args[i + 1] = Long.toString(tokenLimits.get(i).spec().tpm());
        }
        try {
            redis.run(Script.GCRA_CORRECT, keys, args);
        } catch (RuntimeException e) {
            redis.outages().lost("correct a token rate limit", e);
        }
    }

    String cellKey(RateLimit limit, RateLimit.Kind kind) {
        return redis.key("rate:" + limit.cellId(kind));
    }
}
