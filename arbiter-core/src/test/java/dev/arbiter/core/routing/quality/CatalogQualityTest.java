package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.policy.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped profile extended to the built-in catalog ranks models the way their benchmarks and prices say. */
class CatalogQualityTest {
    private static final List<ModelEntry> CATALOG = ConfigLoader.builtInCatalog();
    private static final QualityProfile SHIPPED = QualityProfile.shipped();
    private static final QualityProfile QUALITY = CatalogQuality.build(SHIPPED, CATALOG);
    private static final HeuristicFeatureExtractor EXTRACTOR = new HeuristicFeatureExtractor();

    private static final String HARD_CODING = """
            Implement a lock-free multi-producer multi-consumer ring buffer in Rust with bounded capacity,
            using atomics with the weakest correct memory orderings. Prove it is linearizable, handle ABA,
            and write loom tests that exercise every interleaving of two producers and two consumers.
            ```rust
            pub struct Ring<T> { /* ... */ }
            impl<T: Send> Ring<T> { pub fn push(&self, v: T) -> Result<(), T> { todo!() } }
            ```""";
    private static final String EASY_CHAT = "Hi! Can you suggest three friendly names for my new puppy?";

    @Test
    void everyCatalogModelCanBeScored() {
        assertThat(QUALITY.models()).containsAll(CATALOG.stream().map(ModelEntry::id).toList())
                .containsAll(SHIPPED.models());
    }

    @Test
    void aFrontierModelOutranksACheapOneOnAHardCodingPrompt() {
        RequestFeatures hard = EXTRACTOR.extract(HARD_CODING);
        assertThat(hard.taskType()).isEqualTo(TaskType.CODING);
        for (String frontier : List.of("openai/gpt-5.4", "anthropic/claude-opus-4-6", "gemini/gemini-3.1-pro", "glm/glm-5")) {
            for (String cheap : List.of("openai/gpt-4.1-mini", "gemini/gemini-3.1-flash-lite", "deepseek/deepseek-v3.2")) {
                assertThat(QUALITY.pSuccess(hard, frontier)).as(frontier + " vs " + cheap)
                        .isGreaterThan(QUALITY.pSuccess(hard, cheap) + 0.1);
            }
        }
    }

    /** Probabilities are calibrated on benchmark questions, where GPT-4 Turbo-class models succeed ~80% of the time. */
    @Test
    void cheapestMeetingTheBarSendsEasyChatToACheapModel() {
        RequestFeatures easy = EXTRACTOR.extract(EASY_CHAT);
        assertThat(QUALITY.pSuccess(easy, "openai/gpt-4.1-mini")).isGreaterThanOrEqualTo(0.75);
        String chosen = choose(easy, 0.75);
        assertThat(chosen).isIn("openai/gpt-4.1-mini", "gemini/gemini-3.1-flash-lite", "deepseek/deepseek-v3.2",
                "openai/gpt-5.4-mini", "mistral/mistral-large-3");
    }

    @Test
    void aHighBarOnAHardCodingPromptBuysAFrontierModel() {
        String chosen = choose(EXTRACTOR.extract(HARD_CODING), 0.9);
        assertThat(chosen).isIn("openai/gpt-5.4", "anthropic/claude-opus-4-6", "gemini/gemini-3.1-pro", "glm/glm-5");
    }

    @Test
    void eachBenchmarkMovesTheTaskTypeItSpeaksFor() {
        ModelEntry coder = entry("x/coder", Map.of("swe_bench_verified", 0.8, "gpqa_diamond", 0.4));
        ModelEntry scientist = entry("x/scientist", Map.of("swe_bench_verified", 0.3, "gpqa_diamond", 0.9));
        QualityProfile q = CatalogQuality.build(SHIPPED, List.of(coder, scientist));
        assertThat(q.ability("x/coder").ability(TaskType.CODING))
                .isGreaterThan(q.ability("x/scientist").ability(TaskType.CODING));
        assertThat(q.ability("x/scientist").ability(TaskType.SCIENCE))
                .isGreaterThan(q.ability("x/coder").ability(TaskType.SCIENCE));
    }

    @Test
    void aModelScoringLikeTheAnchorOnItsBenchmarksGetsTheAnchorsAbilities() {
        ModelEntry twin = entry("x/twin", Map.of("gpqa_diamond", 0.425, "math", 0.643, "humaneval", 0.837));
        ModelEntry blank = entry("x/blank", Map.of());
        QualityProfile q = CatalogQuality.build(SHIPPED, List.of(twin, blank));
        ModelAbility anchor = SHIPPED.ability(SHIPPED.anchor());
        assertThat(q.ability("x/twin").bias()).isCloseTo(anchor.bias(), org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(q.ability("x/twin").abilities()).containsExactly(anchor.abilities(),
                org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(q.ability("x/blank").bias()).isEqualTo(anchor.bias());
        assertThat(SHIPPED.anchor()).isEqualTo(QualityProfile.ANCHOR);
    }

    @Test
    void aModelTheProfileAlreadyKnowsKeepsItsFittedAbilities() {
        ModelEntry known = entry(QualityProfile.ANCHOR, Map.of("gpqa_diamond", 0.99));
        assertThat(CatalogQuality.build(SHIPPED, List.of(known)).ability(QualityProfile.ANCHOR))
                .isEqualTo(SHIPPED.ability(QualityProfile.ANCHOR));
    }

    @Test
    void oneOutlandishBenchmarkMovesAModelAtMostTheCap() {
        ModelEntry wild = entry("x/wild", Map.of("arc_agi_2", 0.99));
        QualityProfile q = CatalogQuality.build(SHIPPED, List.of(wild));
        assertThat(q.ability("x/wild").bias() - SHIPPED.ability(SHIPPED.anchor()).bias())
                .isLessThanOrEqualTo((float) CatalogAbilityPrior.CAP + 1e-4f);
    }

    private static String choose(RequestFeatures features, double bar) {
        List<Candidate> candidates = new ArrayList<>();
        for (ModelEntry m : CATALOG) {
            double cost = (m.price().input().doubleValue() * 200 + m.price().output().doubleValue() * 400) / 1e6;
            candidates.add(new Candidate(m.id(), QUALITY.pSuccess(features, m.id()), cost, Double.NaN));
        }
        return Policies.byName(Policies.CHEAPEST_MEETING_BAR)
                .rank(new RoutingInput(features, candidates, new PolicySettings(bar, null))).chosen().model();
    }

    private static ModelEntry entry(String id, Map<String, Double> scores) {
        Map<String, BenchmarkScore> benchmarks = new java.util.HashMap<>();
        scores.forEach((k, v) -> benchmarks.put(k, new BenchmarkScore(v, "test", List.of())));
        return new ModelEntry(id, List.of(), "p", id, Price.of(1, 1), 100_000, null, Set.of(), "v", "US", benchmarks);
    }
}
