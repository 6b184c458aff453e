package dev.arbiter.core.config;

import static dev.arbiter.core.config.ConfigErrorsTest.assertAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.limits.BudgetRule;
import dev.arbiter.core.limits.LimitsConfig;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitRule;
import dev.arbiter.core.limits.RedisSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The budgets, rate_limits, redis and alerts sections, with errors that name the line. */
class LimitsConfigTest {
    private static LimitsConfig read(String yaml) {
        return read(yaml, Map.of());
    }

    private static LimitsConfig read(String yaml, Map<String, String> env) {
        Cursor root = YamlDocument.parse("arbiter.yaml", yaml, new Interpolator(env));
        return LimitsSection.read(root.fields(LimitsSection.TOP_KEYS));
    }

    private static ConfigException error(String yaml) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).satisfies(t -> caught[0] = t);
        return (ConfigException) caught[0];
    }

    @Test
    void theIssuesExampleReadsIntoRulesRedisAndAWebhook() {
        LimitsConfig c = read("""
                budgets:
                  - {scope: team, subject: t1, usd: 100, period: month, alert_at: [0.5, 0.8], on_exceed: 429}
                  - {scope: user, subject: "*", usd: 5, period: day}
                  - {scope: route, subject: coding, usd: 12.50, period: week, on_exceed: 402}
                rate_limits:
                  - {scope: key, subject: "*", rpm: 600, tpm: 200000}
                  - {scope: model, subject: anthropic/claude-opus-4.6, rpm: 100}
                redis:
                  url: ${REDIS_URL}
                  on_unavailable: fail_closed
                  timeout_ms: 150
                alerts:
                  webhook: https://hooks.example.com/arbiter
                """, Map.of("REDIS_URL", "redis://127.0.0.1:6379"));

        assertThat(c.budgets()).hasSize(3);
        BudgetRule team = c.budgets().getFirst();
        assertThat(team.scope()).isEqualTo(BudgetRule.Scope.TEAM);
        assertThat(team.spec().usd()).isEqualByComparingTo("100");
        assertThat(team.spec().period()).isEqualTo(Period.MONTH);
        assertThat(team.alertAt()).containsExactly(new BigDecimal("0.5"), new BigDecimal("0.8"));
        assertThat(team.onExceed()).isEqualTo(BudgetRule.OnExceed.TOO_MANY_REQUESTS);
        assertThat(c.budgets().get(1).subject()).isEqualTo(BudgetRule.EACH);
        assertThat(c.budgets().get(2).onExceed()).isEqualTo(BudgetRule.OnExceed.PAYMENT_REQUIRED);
        assertThat(c.rateLimits()).extracting(RateLimitRule::scope)
                .containsExactly(RateLimitRule.Scope.KEY, RateLimitRule.Scope.MODEL);
        assertThat(c.rateLimits().get(1).spec().tpm()).isNull();
        assertThat(c.redis()).isEqualTo(new RedisSettings("redis://127.0.0.1:6379",
                RedisSettings.OnUnavailable.FAIL_CLOSED, Duration.ofMillis(150), "arbiter:"));
        assertThat(c.alertsWebhook()).isEqualTo(URI.create("https://hooks.example.com/arbiter"));
    }

    @Test
    void nothingConfiguredMeansNoRulesNoRedisAndNoWebhook() {
        assertThat(read("{}")).isEqualTo(LimitsConfig.DEFAULTS);
    }

    @Test
    void redisDefaultsToFailOpenWithA200msTimeout() {
        RedisSettings r = read("redis: {url: redis://127.0.0.1:6399}").redis();

        assertThat(r.onUnavailable()).isEqualTo(RedisSettings.OnUnavailable.FAIL_OPEN);
        assertThat(r.timeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aNegativeBudgetIsRejectedAtItsValue() {
        assertAt(error("""
                budgets:
                  - {scope: team, subject: t1, usd: -5, period: month}
                """), 2, 37, "budgets[0].usd", "a budget must be zero or more USD, got -5");
    }

    @Test
    void anUnknownPeriodOrScopeSuggestsTheRightOne() {
        assertAt(error("budgets: [{scope: team, subject: t1, usd: 5, period: monthly}]"), 1, 54,
                "budgets[0].period", "unknown period 'monthly'; did you mean 'month'?");
        assertAt(error("budgets: [{scope: org, subject: t1, usd: 5, period: day}]"), 1, 19,
                "budgets[0].scope", "unknown scope 'org'; expected one of: key, route, team, user");
        assertAt(error("rate_limits: [{scope: user, subject: u1, rpm: 5}]"), 1, 23,
                "rate_limits[0].scope", "unknown scope 'user'; expected one of: key, model, team");
    }

    @Test
    void rateLimitsMustBePositiveAndAtLeastOneIsNeeded() {
        assertAt(error("rate_limits: [{scope: key, subject: '*', rpm: 0}]"), 1, 47,
                "rate_limits[0].rpm", "rpm must be a positive number per minute (omit it for no limit), got 0");
        assertAt(error("rate_limits: [{scope: key, subject: '*'}]"), 1, 15, "rate_limits[0]",
                "a rate limit needs rpm (requests per minute), tpm (tokens per minute) or both");
    }

    @Test
    void alertFractionsLieBetweenZeroAndOne() {
        assertAt(error("budgets: [{scope: team, subject: t1, usd: 5, period: day, alert_at: [0.5, 80]}]"), 1, 75,
                "budgets[0].alert_at[1]", "an alert is a fraction of the budget between 0 and 1 (write 0.8 for 80%), got 80");
    }

    @Test
    void onExceedIs429Or402() {
        assertAt(error("budgets: [{scope: team, subject: t1, usd: 5, period: day, on_exceed: 403}]"), 1, 70,
                "budgets[0].on_exceed", "on_exceed must be 429 (Too Many Requests) or 402 (Payment Required), got 403");
    }

    @Test
    void theSameBudgetTwiceIsAnError() {
        ConfigException e = error("""
                budgets:
                  - {scope: team, subject: t1, usd: 5, period: day}
                  - {scope: team, subject: t1, usd: 9, period: day}
                """);

        assertAt(e, 3, 5, "budgets[1]", "a day budget for team 't1' is already given in budgets[0]");
    }

    @Test
    void unknownKeysAndBadUrlsAreNamed() {
        assertThat(error("budgets: [{scope: team, subject: t1, usd: 5, period: day, alerts: [0.5]}]").problem())
                .startsWith("unknown key 'alerts'");
        assertThat(error("redis: {url: http://127.0.0.1:6379}").problem())
                .isEqualTo("expected redis://host[:port][/db] (or rediss:// for TLS), got 'http://127.0.0.1:6379'");
        assertThat(error("redis: {url: redis://x, on_unavailable: fail_shut}").problem())
                .startsWith("unknown policy 'fail_shut'");
        assertThat(error("redis: {url: redis://x, timeout_ms: 0}").problem())
                .isEqualTo("must be a positive number of milliseconds, got 0");
        assertThat(error("alerts: {webhook: 'ftp://hooks'}").problem()).startsWith("bad URL 'ftp://hooks'");
    }

    @Test
    void theSectionOwnsFourTopLevelKeys() {
        assertThat(LimitsSection.TOP_KEYS).isEqualTo(Set.of("budgets", "rate_limits", "redis", "alerts"));
    }
}
