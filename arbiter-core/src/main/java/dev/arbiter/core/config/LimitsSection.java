package dev.arbiter.core.config;

import dev.arbiter.core.limits.BudgetRule;
import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.LimitsConfig;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitRule;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.limits.RedisSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the top-level {@code budgets}, {@code rate_limits}, {@code redis} and {@code alerts} keys into a
 * {@link LimitsConfig}; every bad value (negative usd, unknown scope or period, rpm ≤ 0, a budget given twice...)
 * fails with its position.
 */
final class LimitsSection {
    /** The top-level keys this section owns. */
    static final Set<String> TOP_KEYS = Set.of("budgets", "rate_limits", "redis", "alerts");
    private static final Set<String> BUDGET_KEYS = Set.of("scope", "subject", "usd", "period", "alert_at", "on_exceed");
    private static final Set<String> RATE_KEYS = Set.of("scope", "subject", "rpm", "tpm");
    private static final Set<String> REDIS_KEYS = Set.of("url", "on_unavailable", "timeout_ms", "key_prefix");
    private static final Set<String> ALERT_KEYS = Set.of("webhook");

    private LimitsSection() {
    }

    /** The limits config from the root mapping's fields; absent keys mean no rules, no Redis, no webhook. */
    static LimitsConfig read(Fields root) {
        return new LimitsConfig(
                root.optional("budgets").map(LimitsSection::budgets).orElse(List.of()),
                root.optional("rate_limits").map(LimitsSection::rateLimits).orElse(List.of()),
                root.optional("redis").map(LimitsSection::redis).orElse(null),
                root.optional("alerts").flatMap(c -> c.fields(ALERT_KEYS).optional("webhook"))
                        .map(LimitsSection::webhook).orElse(null));
    }

    static List<BudgetRule> budgets(Cursor list) {
        List<BudgetRule> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Cursor item : list.items()) {
            Fields f = item.fields(BUDGET_KEYS);
            BudgetRule.Scope scope = choice(f.required("scope"), "scope", BudgetRule.Scope.values(),
                    BudgetRule.Scope::label);
            String subject = f.required("subject").requiredText();
            BigDecimal usd = usd(f.required("usd"));
            Period period = choice(f.required("period"), "period", Period.values(), Period::label);
            List<BigDecimal> alerts = f.optional("alert_at").map(LimitsSection::alertAt).orElse(List.of());
            BudgetRule.OnExceed onExceed = f.optional("on_exceed").map(LimitsSection::onExceed).orElse(null);
            Integer first = seen.putIfAbsent(scope.label() + ":" + subject + ":" + period.label(), out.size());
            if (first != null) {
                throw item.error("a " + period.label() + " budget for " + scope.label() + " '" + subject
                        + "' is already given in budgets[" + first + "]");
            }
            out.add(new BudgetRule(scope, subject, new BudgetSpec(usd, period), alerts, onExceed));
        }
        return List.copyOf(out);
    }

    static List<RateLimitRule> rateLimits(Cursor list) {
        List<RateLimitRule> out = new ArrayList<>();
        for (Cursor item : list.items()) {
            Fields f = item.fields(RATE_KEYS);
            RateLimitRule.Scope scope = choice(f.required("scope"), "scope", RateLimitRule.Scope.values(),
                    RateLimitRule.Scope::label);
            String subject = f.required("subject").requiredText();
            Long rpm = f.optional("rpm").map(c -> perMinute(c, "rpm")).orElse(null);
            Long tpm = f.optional("tpm").map(c -> perMinute(c, "tpm")).orElse(null);
            if (rpm == null && tpm == null) {
                throw item.error("a rate limit needs rpm (requests per minute), tpm (tokens per minute) or both");
            }
            out.add(new RateLimitRule(scope, subject, new RateLimitSpec(rpm, tpm)));
        }
        return List.copyOf(out);
    }

    static RedisSettings redis(Cursor c) {
        Fields f = c.fields(REDIS_KEYS);
        Cursor urlAt = f.required("url");
        String url = urlAt.requiredText();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://") && !lower.startsWith("redis-socket://")) {
            throw urlAt.error("expected redis://host[:port][/db] (or rediss:// for TLS), got '" + url + "'");
        }
        RedisSettings.OnUnavailable policy = f.optional("on_unavailable")
                .map(p -> choice(p, "policy", RedisSettings.OnUnavailable.values(),
                        v -> v.name().toLowerCase(Locale.ROOT)))
                .orElse(RedisSettings.OnUnavailable.FAIL_OPEN);
        Duration timeout = f.optional("timeout_ms").map(t -> {
            long ms = t.longValue();
            if (ms <= 0) {
                throw t.error("must be a positive number of milliseconds, got " + ms);
            }
            return Duration.ofMillis(ms);
        }).orElse(RedisSettings.DEFAULT_TIMEOUT);
        String prefix = f.optional("key_prefix").map(Cursor::requiredText).orElse(RedisSettings.DEFAULT_KEY_PREFIX);
        return new RedisSettings(url, policy, timeout, prefix);
    }

    private static URI webhook(Cursor c) {
        String text = c.requiredText();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw c.error("bad URL '" + text + "': " + e.getReason());
        }
        throw c.error("bad URL '" + text + "': expected http://host[:port][/path] or https://...");
    }

    private static BigDecimal usd(Cursor c) {
        BigDecimal usd = c.decimal();
        if (usd.signum() < 0) {
            throw c.error("a budget must be zero or more USD, got " + usd.toPlainString());
        }
        return usd;
    }

    private static List<BigDecimal> alertAt(Cursor c) {
        List<BigDecimal> out = new ArrayList<>();
        for (Cursor item : c.items()) {
            BigDecimal f = item.decimal();
            if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) >= 0) {
                throw item.error("an alert is a fraction of the budget between 0 and 1 (write 0.8 for 80%), got "
                        + f.toPlainString());
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    private static BudgetRule.OnExceed onExceed(Cursor c) {
        long status = c.longValue();
        if (status != 429 && status != 402) {
            throw c.error("on_exceed must be 429 (Too Many Requests) or 402 (Payment Required), got " + status);
        }
        return BudgetRule.OnExceed.ofStatus((int) status);
    }

    private static long perMinute(Cursor c, String what) {
        long value = c.longValue();
        if (value <= 0) {
            throw c.error(what + " must be a positive number per minute (omit it for no limit), got " + value);
        }
        return value;
    }

    /** The constant whose label is the node's text, or an error listing (or suggesting) the labels. */
    private static <E> E choice(Cursor c, String what, E[] values, Function<E, String> label) {
        String text = c.requiredText();
        Optional<E> found = Arrays.stream(values).filter(v -> label.apply(v).equals(text.toLowerCase(Locale.ROOT)))
                .findFirst();
        return found.orElseThrow(() -> c.error("unknown " + what + " '" + text + "'"
                + Suggest.hint(text, Arrays.stream(values).map(label).toList())));
    }
}
