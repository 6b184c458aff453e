package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltInCatalogTest {
    static final List<String> IDS = List.of(
            "openai/gpt-5.4", "openai/gpt-5.4-mini", "openai/gpt-4.1-mini",
            "anthropic/claude-opus-4-6", "anthropic/claude-sonnet-4-6", "anthropic/claude-haiku-4-6",
            "gemini/gemini-3.1-pro", "gemini/gemini-3.1-flash-lite", "deepseek/deepseek-v3.2", "glm/glm-5",
            "xai/grok-4.20", "mistral/mistral-large-3");

    final List<ModelEntry> catalog = ConfigLoader.builtInCatalog();

    ModelEntry model(String id) {
        return catalog.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void holdsTheTwelveSeedModels() {
        assertThat(catalog).extracting(ModelEntry::id).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void everyModelHasPositivePricesAndAContextWindow() {
        assertThat(catalog).allSatisfy(m -> {
            assertThat(m.price().input()).as(m.id()).isPositive();
            assertThat(m.price().output()).as(m.id()).isPositive();
            assertThat(m.price().cachedInput()).as(m.id()).isPositive();
            assertThat(m.contextWindow()).as(m.id()).isGreaterThanOrEqualTo(128_000);
        });
    }

    @Test
    void everyModelIsServedByAKnownProviderNamedInItsIdPrefix() {
        assertThat(catalog).allSatisfy(m -> {
            assertThat(KnownProviders.ids()).contains(m.provider());
            assertThat(m.id()).startsWith(m.provider() + "/");
            assertThat(m.vendor()).isNotBlank();
            assertThat(m.jurisdiction()).isIn("US", "CN", "EU");
            assertThat(m.capabilities()).contains(Capability.TOOLS);
        });
    }

    @Test
    void everyIdAndAliasNamesOneModel() {
        Set<String> names = new HashSet<>();
        catalog.forEach(m -> {
            assertThat(names.add(m.id())).as(m.id()).isTrue();
            m.aliases().stream().filter(a -> !a.equals(m.id())).forEach(a -> assertThat(names.add(a)).as(a).isTrue());
        });
        assertThat(names).contains("claude-opus-4-6", "gpt-5.4");
    }

    @Test
    void recordsTheSeedsBenchmarksAsSourcedFractions() {
        BenchmarkScore opusSwe = model("anthropic/claude-opus-4-6").benchmarks().get("swe_bench_verified");

        assertThat(opusSwe.value()).isEqualTo(0.808);
        assertThat(opusSwe.source()).startsWith("001_9d6372593933d458.txt");
        assertThat(opusSwe.alternatives()).extracting(BenchmarkScore.Alternative::value).containsExactly(0.793);
        assertThat(model("gemini/gemini-3.1-pro").benchmarks().get("gpqa_diamond").value()).isEqualTo(0.943);
        assertThat(model("openai/gpt-5.4").benchmarks().get("osworld").value()).isEqualTo(0.75);
        assertThat(catalog).flatMap(m -> m.benchmarks().values()).allSatisfy(b -> {
            assertThat(b.value()).isBetween(0.0, 1.0);
            assertThat(b.source()).matches("00[0-4]_[0-9a-f]{16}\\.txt: .+");
        });
    }

    @Test
    void usesTheSeedPricesWhereTheSeedsGiveThem() {
        assertThat(model("anthropic/claude-opus-4-6").price().input()).isEqualByComparingTo("5.00");
        assertThat(model("openai/gpt-5.4").price().output()).isEqualByComparingTo("15.00");
        assertThat(model("xai/grok-4.20").price().output()).isEqualByComparingTo("6.00");
        assertThat(model("deepseek/deepseek-v3.2").price().cachedInput()).isEqualByComparingTo("0.07");
    }

    @Test
    void aBrokenCatalogFailsWithItsPosition() {
        assertThatThrownBy(() -> BuiltInCatalog.parse("test-catalog.yaml", """
                models:
                  - {id: openai/x, provider: nobody, price: {input: 1, output: 1}, context_window: 10}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("test-catalog.yaml:2:30: models[0].provider: unknown provider 'nobody'");
    }
}
