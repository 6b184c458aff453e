package dev.arbiter.core.config;

import static dev.arbiter.core.config.ConfigErrorsTest.assertAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.reliability.Balancing;
import dev.arbiter.core.reliability.BreakerSettings;
import dev.arbiter.core.reliability.ModelReliability;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.reliability.RetrySettings;
import dev.arbiter.core.reliability.StreamSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployments, balancing and fallbacks on models, and the reliability section, with positioned errors. */
class ReliabilityConfigTest {
    /** team/chat has two deployments; team/backup (alias backup-model) one. */
    static final String TEAM = """
            providers:
              - {id: primary, type: openai, base_url: "http://127.0.0.1:9001/v1"}
              - {id: backup, type: openai, base_url: "http://127.0.0.1:9002/v1"}
            models:
              - id: team/chat
                price: {input: 1.0, output: 2.0}
                context_window: 32000
                deployments:
                  - {provider: primary, upstream_model: gpt-x, weight: 3}
                  - {provider: backup,  upstream_model: gpt-x}
              - id: team/backup
                aliases: [backup-model]
                provider: backup
                upstream_model: gpt-y
                price: {input: 1.0, output: 2.0}
                context_window: 128000
            catalog: {include_builtin: false}
            """;

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml) {
        return new ConfigFixture(dir).load(yaml);
    }

    private ConfigException error(String yaml) {
        return new ConfigFixture(dir).error(yaml);
    }

    private static ModelEntry model(GatewayConfig config, String id) {
        return config.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aModelListsItsDeploymentsInPlaceOfProviderAndUpstreamModel() {
        ModelEntry chat = model(load(TEAM), "team/chat");

        assertThat(chat.deployments()).containsExactly(
                new Deployment("primary", "gpt-x", 3, 0, null, null),
                new Deployment("backup", "gpt-x", 1, 0, null, null));
        assertThat(chat.provider()).isEqualTo("primary");
        assertThat(chat.upstreamModel()).isEqualTo("gpt-x");
    }

    @Test
    void theSingleFormIsOneDeployment() {
        assertThat(model(load(TEAM), "team/backup").deployments()).containsExactly(Deployment.of("backup", "gpt-y"));
    }

    @Test
    void aDeploymentMayHaveItsOwnKeyCapLabelAndDefaultUpstreamName() {
        GatewayConfig config = load(TEAM.replace("  - {provider: backup,  upstream_model: gpt-x}",
                "  - {provider: backup, max_concurrency: 8, api_key: \"${EU_KEY:-sk-eu}\", label: eu-west}"));

        Deployment eu = model(config, "team/chat").deployments().get(1);
        assertThat(eu).isEqualTo(new Deployment("backup", "chat", 1, 8, "sk-eu", "eu-west"));
        assertThat(eu.id()).isEqualTo("backup/chat@eu-west");
        assertThat(eu.toString()).doesNotContain("sk-eu");
    }

    @Test
    void balancingAndFallbacksAreReadAndFallbackAliasesResolveToIds() {
        GatewayConfig config = load(TEAM.replace("    context_window: 32000\n",
                "    context_window: 32000\n    balancing: latency\n    fallbacks: [backup-model]\n"
                        + "    context_window_fallbacks: [team/backup]\n"));

        assertThat(config.reliability().forModel("team/chat")).isEqualTo(new ModelReliability(Balancing.LATENCY,
                List.of("team/backup"), List.of("team/backup"), List.of()));
        assertThat(config.reliability().forModel("team/backup")).isEqualTo(ModelReliability.DEFAULT);
    }

    @Test
    void theReliabilitySectionSetsDeadlineRetriesBreakersAndTheStreamWindow() {
        GatewayConfig config = load(TEAM + """
                reliability:
                  timeout_ms: 30000
                  retry: {max_attempts: 4, base_delay_ms: 50, max_delay_ms: 2000, max_wait_ms: 0, key_cooldown_ms: 10000}
                  breaker: {window: 50, min_calls: 20, failure_rate: 0.25, slow_call_ms: 5000, open_ms: 15000}
                  stream: {commit_after_events: 8, commit_after_ms: 300, first_token_ms: 4000}
                """);

        ReliabilityConfig r = config.reliability();
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.retry()).isEqualTo(new RetrySettings(4, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ZERO,
                Duration.ofSeconds(10), RetrySettings.DEFAULTS.maxCooldown()));
        assertThat(r.breaker()).isEqualTo(new BreakerSettings(true, 50, 20, 0.25, Duration.ofSeconds(5),
                BreakerSettings.DEFAULTS.slowCallRate(), Duration.ofSeconds(15), BreakerSettings.DEFAULTS.halfOpenProbes()));
        assertThat(r.stream()).isEqualTo(new StreamSettings(8, Duration.ofMillis(300), Duration.ofSeconds(4)));
    }

    @Test
    void withoutTheSectionEverythingKeepsItsDefault() {
        assertThat(load(TEAM).reliability()).isEqualTo(ReliabilityConfig.DEFAULTS);
    }

    @Test
    void providerAndDeploymentsTogetherAreAnError() {
        ConfigException e = error(TEAM.replace("    context_window: 32000\n", "    context_window: 32000\n    provider: primary\n"));

        assertAt(e, 8, 15, "models[0].provider", "give either 'provider' or 'deployments', not both");
    }

    @Test
    void anUnknownProviderInADeploymentIsReportedAtIt() {
        ConfigException e = error(TEAM.replace("{provider: backup,  upstream_model: gpt-x}", "{provider: backpu,  upstream_model: gpt-x}"));

        assertAt(e, 10, 20, "models[0].deployments[1].provider", "unknown provider 'backpu'; did you mean 'backup'?");
    }

    @Test
    void theSameDeploymentTwiceNeedsLabels() {
        ConfigException e = error(TEAM.replace("{provider: backup,  upstream_model: gpt-x}", "{provider: primary, upstream_model: gpt-x}"));

        assertAt(e, 10, 9, "models[0].deployments[1]",
                "deployment 'primary/gpt-x' is listed twice (first at models[0].deployments[0]); give them distinct labels");
    }

    @Test
    void anEmptyDeploymentsListIsAnError() {
        ConfigException e = error(TEAM.replace("""
                    deployments:
                      - {provider: primary, upstream_model: gpt-x, weight: 3}
                      - {provider: backup,  upstream_model: gpt-x}
                """, "    deployments: []\n"));

        assertAt(e, 8, 18, "models[0].deployments", "'deployments' must list at least one deployment");
    }

    @Test
    void aWeightBelowOneIsAnError() {
        ConfigException e = error(TEAM.replace("weight: 3", "weight: 0"));

        assertAt(e, 9, 60, "models[0].deployments[0].weight", "weight must be at least 1, got 0");
    }

    @Test
    void anUnknownBalancingSuggestsTheClosest() {
        ConfigException e = error(TEAM.replace("    context_window: 32000\n", "    context_window: 32000\n    balancing: least-busy\n"));

        assertAt(e, 8, 16, "models[0].balancing", "unknown balancing 'least-busy'; did you mean 'least_busy'?");
    }

    @Test
    void anUnknownFallbackModelIsReportedAtItsLine() {
        ConfigException e = error(TEAM.replace("    context_window: 32000\n",
                "    context_window: 32000\n    fallbacks:\n      - team/backup\n      - team/bakcup\n"));

        assertAt(e, 10, 9, "models[0].fallbacks[1]", "unknown model 'team/bakcup'; did you mean 'team/backup'?");
    }

    @Test
    void aModelCannotFallBackToItself() {
        ConfigException e = error(TEAM.replace("    context_window: 32000\n", "    context_window: 32000\n    content_policy_fallbacks: [team/chat]\n"));

        assertAt(e, 8, 32, "models[0].content_policy_fallbacks[0]", "a model cannot fall back to itself");
    }

    @Test
    void aMaximumDelayBelowTheBaseIsAnError() {
        ConfigException e = error(TEAM + "reliability:\n  retry: {base_delay_ms: 500, max_delay_ms: 100}\n");

        assertAt(e, 19, 45, "reliability.retry.max_delay_ms", "max_delay_ms (100) must not be less than base_delay_ms (500)");
    }

    @Test
    void breakerMinimumCallsCannotExceedTheWindow() {
        ConfigException e = error(TEAM + "reliability:\n  breaker: {window: 10, min_calls: 11}\n");

        assertAt(e, 19, 36, "reliability.breaker.min_calls", "must be between 1 and 10, got 11");
    }

    @Test
    void aFailureRateIsAFraction() {
        ConfigException e = error(TEAM + "reliability:\n  breaker: {failure_rate: 50}\n");

        assertAt(e, 19, 27, "reliability.breaker.failure_rate",
                "a rate is a fraction greater than 0 and at most 1 (write 0.5 for 50%), got 50.0");
    }

    @Test
    void theStreamWindowHoldsAtLeastOneEvent() {
        ConfigException e = error(TEAM + "reliability:\n  stream: {commit_after_events: 0}\n");

        assertAt(e, 19, 33, "reliability.stream.commit_after_events", "must be between 1 and 100000, got 0");
    }

    @Test
    void reliabilityKeysAreChecked() {
        ConfigException e = error(TEAM + "reliability:\n  retries: {max_attempts: 2}\n");

        assertAt(e, 19, 3, "reliability.retries", "unknown key 'retries'; expected one of: breaker, retry, stream, timeout_ms");
    }

    @Test
    void theFullExampleInTheConfigurationGuideLoads() throws Exception {
        String guide = java.nio.file.Files.readString(Path.of("../docs/configuration.md"));
        int start = guide.indexOf("```yaml\n") + "```yaml\n".length();
        String example = guide.substring(start, guide.indexOf("```", start));

        GatewayConfig config = new ConfigFixture(dir).load(example, Map.of("SECOND_KEY", "sk-second"));

        assertThat(model(config, "team/chat").deployments()).hasSize(2);
        assertThat(config.reliability().forModel("team/chat").balancing()).isEqualTo(Balancing.LEAST_BUSY);
        assertThat(config.reliability().forModel("team/chat").fallbacks()).containsExactly("local/small");
    }

    @Test
    void theBuiltInCatalogStillReadsWithOneDeploymentPerModel() {
        GatewayConfig config = new ConfigFixture(dir).load("catalog: {include_builtin: true}\n", Map.of());
        assertThat(config.models()).allSatisfy(m -> assertThat(m.deployments()).hasSize(1));
    }
}
