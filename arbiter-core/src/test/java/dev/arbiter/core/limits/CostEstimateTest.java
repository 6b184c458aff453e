package dev.arbiter.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.catalog.PriceSchedule;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cost reserved before a call: routing's input token count plus the output allowed, at the model's price. */
class CostEstimateTest {
    private static final Instant NOW = Instant.parse("2026-05-17T10:00:00Z");
    private static final ModelEntry MODEL = new ModelEntry("v/m", List.of(), "p", "m", Price.of(2, 10), 128_000,
            64_000, Set.of(), "v", "us", Map.of());
    private static final ModelEntry SHORT = new ModelEntry("v/short", List.of(), "p", "s", Price.of(2, 10), 8_000,
            1_000, Set.of(), "v", "us", Map.of());

    private static ChatRequest.Builder ask(String text) {
        return ChatRequest.builder("v/m").messages(List.of(Message.user(text)));
    }

    @Test
    void inputTokensAreCountedAsRoutingCountsThemAndOutputIsMaxTokens() {
        ChatRequest request = ask("Summarise the attached contract in three bullet points.").maxTokens(500).build();

        CostEstimate e = CostEstimate.of(request, MODEL, NOW);

        assertThat(e.inputTokens()).isEqualTo(HeuristicFeatureExtractor.inputTokens(request));
        assertThat(e.outputTokens()).isEqualTo(500);
        assertThat(e.usd()).isEqualByComparingTo(MODEL.price().cost(dev.arbiter.core.chat.Usage.of(e.inputTokens(), 500)));
    }

    @Test
    void withoutMaxTokensTheDefaultCapOrTheModelsSmallerMaximumApplies() {
        assertThat(CostEstimate.of(ask("hi").build(), MODEL, NOW).outputTokens()).isEqualTo(CostEstimate.DEFAULT_OUTPUT_CAP);
        assertThat(CostEstimate.of(ask("hi").build(), SHORT, NOW).outputTokens()).isEqualTo(1_000);
    }

    @Test
    void severalChoicesMultiplyTheOutput() {
        ChatRequest request = ask("hi").maxTokens(100).extra(Json.MAPPER.createObjectNode().put("n", 3)).build();

        assertThat(CostEstimate.of(request, MODEL, NOW).outputTokens()).isEqualTo(300);
    }

    @Test
    void aModelWithoutAPriceCostsNothing() {
        ModelEntry free = new ModelEntry("local/m", List.of(), "ollama", "m", null, 8_000, null, Set.of(), "local",
                "local", Map.of());

        assertThat(CostEstimate.of(ask("hi").build(), free, NOW).usd()).isZero();
    }

    @Test
    void realCostsAreChargedAtThePriceInForceWhenTheyAreSettled() {
        ModelEntry repriced = MODEL.withPriceChanges(new PriceSchedule(List.of(
                new PriceSchedule.Change(Instant.parse("2026-06-01T00:00:00Z"), Price.of(1, 5)))));
        Usage usage = Usage.of(1_000_000, 1_000_000);

        assertThat(CostEstimate.cost(repriced, usage, NOW)).isEqualByComparingTo("12");
        assertThat(CostEstimate.cost(repriced, usage, Instant.parse("2026-06-02T00:00:00Z"))).isEqualByComparingTo("6");
    }
}
