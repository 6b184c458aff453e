package dev.arbiter.core.config;

import static dev.arbiter.core.config.ConfigErrorsTest.assertAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.Lifecycle;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.replay.OutcomeRow;
import dev.arbiter.core.routing.quality.QualityTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing and routes sections: their shape, defaults, and every problem located at its line and key path. */
class RoutingConfigTest {
    /** Two local models (local/a, local/b); what tests append starts at line 15. */
    static final String BASE = ConfigErrorsTest.MODELS + "catalog: {include_builtin: false}\n";

    @TempDir
    Path dir;

    ConfigFixture fixture() {
        return new ConfigFixture(dir);
    }

    @Test
    void readsTheRoutingSettingsAndRoutes() {
        GatewayConfig config = fixture().load(BASE + """
                routing:
                  default_quality_bar: 0.75
                  quality_bars: {coding: 0.9, long_context: 0.6}
                routes:
                  - name: support
                    candidates: [local/a, local/b]
                    quality_bar: 0.85
                    quality_bars: {math: 0.95}
                    max_cost_usd: 0.01
                  - name: careful
                    policy: cascade
                    options: {first_try_bar: 0.4, judge: local/b, checks: {regex: "^OK", min_length: 3}}
                """);

        RoutingConfig routing = config.routing();
        assertThat(routing.defaultQualityBar()).isEqualTo(0.75);
        assertThat(routing.qualityBars()).isEqualTo(Map.of(TaskType.CODING, 0.9, TaskType.LONG_CONTEXT, 0.6));
        assertThat(routing.qualityProfile()).isNull();
        assertThat(routing.routes()).containsExactly(
                new RouteConfig("support", "cheapest-meeting-bar", List.of("local/a", "local/b"), 0.85,
                        Map.of(TaskType.MATH, 0.95), 0.01, Map.of()),
                new RouteConfig("careful", "cascade", List.of(), null, Map.of(), null,
                        Map.of("first_try_bar", 0.4, "judge", "local/b",
                                "checks", Map.of("regex", "^OK", "min_length", 3L))));
    }

    @Test
    void withoutTheSectionsVirtualModelsUseTheDefaultBarAndThereAreNoRoutes() {
        assertThat(fixture().load(BASE).routing()).isEqualTo(RoutingConfig.DEFAULTS);
        assertThat(RoutingConfig.DEFAULTS.defaultQualityBar()).isEqualTo(0.8);
    }

    @Test
    void aModelMayBeMarkedDeprecatedOrRetired() {
        GatewayConfig config = fixture().load(BASE.replace("    capabilities: [tools]\n  - id: local/b",
                "    capabilities: [tools]\n    lifecycle: deprecated\n  - id: local/b"));

        assertThat(config.models().getFirst().lifecycle()).isEqualTo(Lifecycle.DEPRECATED);
        assertThat(config.models().getLast().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void anUnknownLifecycleIsPositioned() {
        ConfigException e = fixture().error(BASE.replace("    capabilities: [tools]\n  - id: local/b",
                "    capabilities: [tools]\n    lifecycle: sunset\n  - id: local/b"));

        assertAt(e, 9, 16, "models[0].lifecycle", "unknown lifecycle 'sunset'; expected one of: active, deprecated,"
                + " retired");
    }

    @Test
    void aBarOutsideZeroToOneIsPositioned() {
        ConfigException e = fixture().error(BASE + "routing: {default_quality_bar: 1.5}\n");

        assertAt(e, 15, 32, "routing.default_quality_bar",
                "a quality bar is a probability between 0 and 1 (write 0.8 for 80%), got 1.5");
    }

    @Test
    void anUnknownTaskTypeSuggestsTheClosestOne() {
        ConfigException e = fixture().error(BASE + "routing:\n  quality_bars: {codng: 0.9}\n");

        assertAt(e, 16, 25, "routing.quality_bars.codng", "unknown task type 'codng'; did you mean 'coding'?");
    }

    @Test
    void anUnknownPolicySuggestsTheClosestOne() {
        ConfigException e = fixture().error(BASE + "routes:\n  - {name: r, policy: cheapest}\n");

        assertAt(e, 16, 23, "routes[0].policy", "unknown policy 'cheapest'; did you mean 'cheapest-meeting-bar'?");
    }

    @Test
    void aBadOptionIsReportedAtTheOptionsOwnLine() {
        ConfigException e = fixture().error(BASE + """
                routes:
                  - name: careful
                    policy: cascade
                    options:
                      checks:
                        regex: "(unclosed"
                """);

        assertThat(e.line()).isEqualTo(20);
        assertThat(e.keyPath()).isEqualTo("routes[0].options.checks.regex");
        assertThat(e.problem()).startsWith("not a valid regular expression");
    }

    @Test
    void aPolicysOptionErrorPointsAtTheOptionEvenWhenItsKeyHoldsDots() {
        ConfigException e = fixture().error(BASE + """
                routes:
                  - name: split
                    policy: weighted
                    options:
                      weights:
                        local/a: 90
                        local/b.1: ninety
                """);

        assertThat(e.line()).isEqualTo(21);
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.keyPath()).isEqualTo("routes[0].options.weights.local/b.1");
        assertThat(e.problem()).contains("ninety");
    }

    @Test
    void optionsAPolicyDoesNotTakeArePositioned() {
        ConfigException e = fixture().error(BASE + """
                routes:
                  - name: r
                    policy: best-within-budget
                    options: {colour: blue}
                """);

        assertThat(e.keyPath()).isEqualTo("routes[0].options.colour");
        assertThat(e.line()).isEqualTo(18);
        assertThat(e.column()).isEqualTo(23);
    }

    @Test
    void aRouteMayNotTakeAVirtualModelsName() {
        ConfigException e = fixture().error(BASE + "routes:\n  - {name: auto}\n");

        assertAt(e, 16, 12, "routes[0].name", "'auto' is a virtual model name and cannot name a route (reserved:"
                + " auto, auto:<task>, fast, best, direct)");
    }

    @Test
    void aRouteMayNotShadowACatalogModel() {
        ConfigException e = fixture().error(BASE.replace("    provider: local\n    price: {input: 0.3",
                "    aliases: [shared]\n    provider: local\n    price: {input: 0.3") + "routes:\n  - {name: shared}\n");

        assertAt(e, 17, 12, "routes[0].name", "'shared' already names a catalog model; route names must differ from"
                + " model ids and aliases");
    }

    @Test
    void routeNamesAreUnique() {
        ConfigException e = fixture().error(BASE + "routes:\n  - {name: r}\n  - {name: r}\n");

        assertAt(e, 17, 12, "routes[1].name", "duplicate route name 'r' (first defined at routes[0].name, line 16)");
    }

    @Test
    void anUnknownCandidateSuggestsTheClosestModel() {
        ConfigException e = fixture().error(BASE + "routes:\n  - {name: r, candidates: [local/a, local/c]}\n");

        assertAt(e, 16, 37, "routes[0].candidates[1]", "unknown model 'local/c'; did you mean 'local/a'?");
    }

    @Test
    void aCascadeJudgeMustBeACatalogModel() {
        ConfigException e = fixture().error(BASE + "routes:\n  - {name: r, policy: cascade, options: {judge: nobody/x}}\n");

        assertThat(e.keyPath()).isEqualTo("routes[0].options.judge");
        assertThat(e.problem()).startsWith("unknown model 'nobody/x'");
    }

    @Test
    void aMissingQualityProfileIsPositioned() {
        ConfigException e = fixture().error(BASE + "routing: {quality_profile: nope.json}\n");

        assertThat(e.keyPath()).isEqualTo("routing.quality_profile");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.problem()).contains("no such profile").contains("arbiter router fit");
    }

    @Test
    void aQualityProfilePathIsTakenFromTheConfigFilesDirectory() throws Exception {
        Path profileDir = Files.createDirectories(dir.resolve("profiles"));
        tinyProfile().save(profileDir.resolve("mine.json"));

        GatewayConfig config = fixture().load(BASE + "routing: {quality_profile: profiles/mine.json}\n");

        assertThat(config.routing().qualityProfile()).isEqualTo(profileDir.resolve("mine.json").toAbsolutePath());
    }

    /** A profile fitted on a few synthetic rows: enough to be a valid file. */
    private static dev.arbiter.core.routing.quality.QualityProfile tinyProfile() {
        FeatureExtractor stub = new FeatureExtractor() {
            @Override
            public RequestFeatures extract(ChatRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RequestFeatures extract(String prompt) {
                return new RequestFeatures(TaskType.CHAT, Map.of(TaskType.CHAT, 1.0), "en", 5, 0, false, false, false,
                        prompt);
            }
        };
        List<OutcomeRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(OutcomeRow.ofScores("r" + i, "syn", "chat", "question " + (i % 7),
                    Map.of("m/a", i % 3 == 0 ? 0.0 : 1.0, "m/b", i % 2 == 0 ? 0.0 : 1.0)));
        }
        return new QualityTrainer(stub).fitBase(rows, List.of());
    }
}
