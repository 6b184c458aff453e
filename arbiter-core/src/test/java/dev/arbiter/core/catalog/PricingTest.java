package dev.arbiter.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exact costs from a price: cached, cache-write and reasoning tokens, and the price in force at an instant. */
class PricingTest {
    private static final Price OPUS = new Price(new BigDecimal("5"), new BigDecimal("25"), new BigDecimal("0.50"),
            new BigDecimal("6.25"));
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant DEC_15 = Instant.parse("2026-12-15T00:00:00Z");
    private static final Price CHEAPER = new Price(new BigDecimal("4"), new BigDecimal("20"), null, null);
    private static final Price CHEAPEST = new Price(new BigDecimal("3"), new BigDecimal("15"), null, null);

    private static ModelEntry opus(PriceSchedule schedule) {
        return new ModelEntry("anthropic/opus", List.of(), "anthropic", "opus", OPUS, 200_000, null, Set.of(), "anthropic",
                "US", Map.of(), Lifecycle.ACTIVE, List.of(), schedule);
    }

    @Test
    void chargesCachedReadsAndCacheWritesAtTheirOwnPricesAndTheRestOfTheInputAtTheInputPrice() {
        // 10,000 input of which 6,000 cache reads and 1,000 cache writes: 3,000 uncached.
        Usage usage = new Usage(10_000, 0, 6_000, 0, 1_000);

        // 3,000 × 5 + 6,000 × 0.50 + 1,000 × 6.25 = 15,000 + 3,000 + 6,250 = 24,250 per million
        assertThat(OPUS.cost(usage)).isEqualByComparingTo("0.02425");
    }

    @Test
    void chargesReasoningTokensAsTheOutputTheyArePartOf() {
        Usage withReasoning = new Usage(0, 2_000, 0, 1_500, 0);

        assertThat(OPUS.cost(withReasoning)).isEqualByComparingTo("0.05"); // 2,000 × 25 / 1M, reasoning not added again
    }

    @Test
    void cachedAndCacheWritePricesDefaultToTheInputPrice() {
        assertThat(CHEAPER.cost(new Usage(1_000, 0, 400, 0, 100))).isEqualByComparingTo("0.004");
    }

    @Test
    void aModelWithoutPriceChangesAlwaysCostsItsBasePrice() {
        ModelEntry model = new ModelEntry("a/b", List.of(), "p", "b", OPUS, 1000, null, Set.of(), "a", null, Map.of());

        assertThat(model.priceAt(Instant.EPOCH)).isEqualTo(OPUS);
        assertThat(model.priceChanges()).isEqualTo(PriceSchedule.NONE);
    }

    @Test
    void eachChangeAppliesFromItsInstantOnUntilTheNext() {
        ModelEntry model = opus(new PriceSchedule(List.of(new PriceSchedule.Change(DEC_1, CHEAPER),
                new PriceSchedule.Change(DEC_15, CHEAPEST))));

        assertThat(model.priceAt(DEC_1.minusNanos(1))).isEqualTo(OPUS);
        assertThat(model.priceAt(DEC_1)).isEqualTo(CHEAPER);
        assertThat(model.priceAt(DEC_15.minusSeconds(1))).isEqualTo(CHEAPER);
        assertThat(model.priceAt(DEC_15)).isEqualTo(CHEAPEST);
        assertThat(model.priceAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(CHEAPEST);
    }

    @Test
    void aPriceChangeMidMonthChargesEachRequestAtItsOwnTimesPrice() {
        ModelEntry model = opus(new PriceSchedule(List.of(new PriceSchedule.Change(DEC_15, CHEAPER))));
        Usage usage = Usage.of(1_000_000, 100_000);

        BigDecimal before = model.priceAt(Instant.parse("2026-12-14T23:59:59Z")).cost(usage);
        BigDecimal after = model.priceAt(Instant.parse("2026-12-15T00:00:01Z")).cost(usage);

        assertThat(before).isEqualByComparingTo("7.5"); // 5 + 0.1 × 25
        assertThat(after).isEqualByComparingTo("6");    // 4 + 0.1 × 20
        assertThat(before.add(after)).isEqualByComparingTo("13.5");
    }

    @Test
    void theWithersAndTheOlderConstructorsKeepTheSchedule() {
        PriceSchedule schedule = new PriceSchedule(List.of(new PriceSchedule.Change(DEC_1, CHEAPER)));
        ModelEntry model = opus(schedule);

        assertThat(model.withAliases(List.of("opus")).priceChanges()).isEqualTo(schedule);
        assertThat(model.withLifecycle(Lifecycle.DEPRECATED).priceChanges()).isEqualTo(schedule);
        assertThat(model.withDeployments(List.of(Deployment.of("x", "y"))).priceChanges()).isEqualTo(schedule);
        assertThat(model.servedBy("s/opus", "sandbox", "opus").priceAt(DEC_1)).isEqualTo(CHEAPER);
        assertThat(model.withPriceChanges(PriceSchedule.NONE).priceAt(DEC_1)).isEqualTo(OPUS);
    }

    @Test
    void aScheduleOutOfTimeOrderIsRefused() {
        assertThatThrownBy(() -> new PriceSchedule(List.of(new PriceSchedule.Change(DEC_15, CHEAPER),
                new PriceSchedule.Change(DEC_1, CHEAPEST))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
    }
}
