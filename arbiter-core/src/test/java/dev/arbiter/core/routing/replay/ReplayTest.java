package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.policy.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two rows, a cheap model and a dear one. The predictions say the cheap one clears 0.7 on row 1 only, so at bar 0.7
 * cheapest-meeting-bar takes cheap on row 1 (it succeeds) and dear on row 2 (it succeeds; cheap would have failed).
 */
class ReplayTest {
    private static final List<String> DATA = List.of(
            "{\"id\":\"1\",\"prompt\":\"easy\",\"outcomes\":{\"cheap\":{\"score\":1,\"cost_usd\":0.001},"
                    + "\"dear\":{\"score\":1,\"cost_usd\":0.01}}}",
            "{\"id\":\"2\",\"prompt\":\"hard\",\"outcomes\":{\"cheap\":{\"score\":0,\"cost_usd\":0.001},"
                    + "\"dear\":{\"score\":1,\"cost_usd\":0.01}}}");
    private static final Predictions PREDICTIONS = Predictions.parse("p", List.of(
            "{\"id\":\"1\",\"p\":{\"cheap\":0.9,\"dear\":0.95}}",
            "{\"id\":\"2\",\"p\":{\"cheap\":0.3,\"dear\":0.8}}"));

    private ReplayReport replay(List<String> data, boolean sweep, PriceTable prices) {
        Replay replay = new Replay(PSuccessSource.of(PREDICTIONS), prices, null);
        return replay.run("d.jsonl", OutcomeFile.parse("d.jsonl", data), new Replay.Plan(
                Policies.byName(Policies.CHEAPEST_MEETING_BAR), new PolicySettings(0.7, null), sweep, WinScore.WIN_RATE));
    }

    @Test
    void scoresThePolicysChoicesNextToTheBaselines() {
        ReplayReport r = replay(DATA, false, null);

        assertThat(r.policy().quality()).isEqualTo(1.0);
        assertThat(r.policy().costTotal()).isCloseTo(0.011, within(1e-12));
        assertThat(r.policy().shares()).containsEntry("cheap", 0.5).containsEntry("dear", 0.5);
        assertThat(r.baseline("always-best").model()).isEqualTo("dear");
        assertThat(r.baseline("always-cheapest").quality()).isEqualTo(0.5);
        assertThat(r.baseline("oracle").costTotal()).isCloseTo(0.011, within(1e-12));
        assertThat(r.costBlind()).isFalse();
        assertThat(r.sweep()).isEmpty();
    }

    @Test
    void aSweepTracesTheBarFromZeroToOneAndGivesRouteLlmMetricsForTwoModels() {
        ReplayReport r = replay(DATA, true, null);

        assertThat(r.sweep()).hasSize(21);
        assertThat(r.sweep().getFirst().summary().shares()).containsEntry("cheap", 1.0);
        assertThat(r.sweep().getLast().summary().shares()).containsEntry("dear", 1.0);
        assertThat(r.twoModel().strong()).isEqualTo("dear");
        assertThat(r.twoModel().result().points()).hasSize(11);
        assertThat(r.aiq()).isNull();
    }

    @Test
    void withoutRecordedCostsThePricesFileEstimatesThem() {
        List<String> noCosts = DATA.stream().map(l -> l.replaceAll(",\"cost_usd\":[0-9.]+", "")).toList();
        PriceTable prices = PriceTable.parse("prices.json", Json.parse(
                "{\"cheap\":{\"input_price\":1.0,\"output_price\":2.0}}"));

        ReplayReport r = replay(noCosts, false, prices);

        // "easy" is 4 chars = 1 token: (1 · 1.0 + 256 · 2.0) / 1e6; dear has no price, so it is cost-blind.
        assertThat(r.baseline("always-cheapest").costMean()).isCloseTo(513e-6, within(1e-12));
        assertThat(r.costBases()).containsEntry(CostBasis.PRICES, 2).containsEntry(CostBasis.PER_CALL, 2);
        assertThat(r.costBlind()).isTrue();
        assertThat(r.text()).contains("COST-BLIND");
    }

    @Test
    void jsonIsOneObjectWithThePolicyBaselinesAndSweep() {
        JsonNode json = Json.parse(replay(DATA, true, null).json());

        assertThat(json.get("policy").get("quality").asDouble()).isEqualTo(1.0);
        assertThat(json.get("baselines").has("oracle")).isTrue();
        assertThat(json.get("sweep")).hasSize(21);
        assertThat(json.get("routellm").get("strong").asText()).isEqualTo("dear");
    }

    @Test
    void textNamesThePolicyAndEveryBaseline() {
        String text = replay(DATA, true, null).text();

        assertThat(text).contains("cheapest-meeting-bar", "always-best (dear)", "always-cheapest (cheap)",
                "random (expected)", "oracle", "APGR");
    }
}
