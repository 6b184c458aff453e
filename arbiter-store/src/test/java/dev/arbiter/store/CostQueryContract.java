package dev.arbiter.store;

import static dev.arbiter.store.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arbiter.core.ledger.CostQuery.DailySpend;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import dev.arbiter.core.ledger.GroupBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cost reports, daily spend and one subject's spend over a small known ledger; run against each database. */
abstract class CostQueryContract extends StoreTestBase {
    static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-05T00:00:00Z");

    /** Expected groups per report: (name, requests, cost), largest cost first, nulls last on a tie. */
    private static final Map<GroupBy, List<Tuple>> EXPECTED = Map.of(
            GroupBy.KEY, List.of(tuple("k2", 1L, "1.00"), tuple("k1", 2L, "0.30"), tuple(null, 1L, "0.30"),
                    tuple("k3", 1L, "0.05")),
            GroupBy.USER, List.of(tuple("u2", 1L, "1.00"), tuple("u1", 2L, "0.30"), tuple(null, 1L, "0.30"),
                    tuple("u3", 1L, "0.05")),
            GroupBy.TEAM, List.of(tuple("t1", 3L, "1.30"), tuple(null, 1L, "0.30"), tuple("t2", 1L, "0.05")),
            GroupBy.MODEL, List.of(tuple("m-a", 3L, "1.40"), tuple("m-b", 2L, "0.25")),
            GroupBy.ROUTE, List.of(tuple(null, 2L, "1.30"), tuple("support", 2L, "0.30"), tuple("batch", 1L, "0.05")),
            GroupBy.TASK, List.of(tuple("chat", 3L, "1.40"), tuple("coding", 2L, "0.25")));

    @BeforeEach
    void writeLedger() {
        storage.ledger().write(List.of(
                entry("r1").at("2026-03-02T10:00:00Z").who("k1", "u1", "t1").route("support").task("chat")
                        .model("m-a").tokens(100, 10, 20, 5).cost("0.10").baseline("0.50").build(),
                entry("r2").at("2026-03-02T23:59:59.999Z").who("k1", "u1", "t1").route("support").task("coding")
                        .model("m-b").tokens(200, 0, 40, 0).cost("0.20").baseline("0.20").build(),
                entry("r3").at("2026-03-03T00:00:00Z").who("k2", "u2", "t1").task("chat")
                        .model("m-a").tokens(300, 100, 60, 30).cost("1.00").baseline(null).build(),
                entry("r4").at("2026-03-03T12:00:00Z").who("k3", "u3", "t2").route("batch").task("coding")
                        .model("m-b").tokens(400, 0, 80, 0).cost("0.05").baseline("0.25").build(),
                entry("r5").at("2026-03-04T08:00:00Z").who(null, null, null).task("chat")
                        .model("m-a").tokens(500, 0, 100, 0).cost("0.30").baseline("0.30").build(),
                entry("before").at("2026-03-01T23:59:59.999Z").who("k1", "u1", "t1").cost("100").build(),
                entry("at-to").at("2026-03-05T00:00:00Z").who("k1", "u1", "t1").cost("1000").build()));
    }

    @ParameterizedTest
    @EnumSource(GroupBy.class)
    void groupsByEachColumnWithTheLargestCostFirst(GroupBy by) {
        CostReport report = storage.costs().costs(by, FROM, TO);

        assertThat(report.by()).isEqualTo(by);
        assertThat(report.groups()).extracting(g -> g.name(), g -> g.totals().requests(),
                g -> g.totals().costUsd().setScale(2).toPlainString()).containsExactlyElementsOf(EXPECTED.get(by));
    }

    @Test
    void theTotalSumsTokensCostAndBaselineWithRowsWithoutABaselineClaimingNoSavings() {
        CostTotals total = storage.costs().costs(GroupBy.TEAM, FROM, TO).total();

        assertThat(total.requests()).isEqualTo(5);
        assertThat(List.of(total.inputTokens(), total.cachedInputTokens(), total.outputTokens(), total.reasoningTokens()))
                .containsExactly(1500L, 110L, 300L, 35L);
        assertThat(total.costUsd()).isEqualByComparingTo("1.65");
        assertThat(total.baselineCostUsd()).isEqualByComparingTo("2.25");
        assertThat(total.savingsUsd()).isEqualByComparingTo("0.60");
    }

    @Test
    void aGroupCarriesItsOwnTokensAndBaseline() {
        CostTotals t1 = storage.costs().costs(GroupBy.TEAM, FROM, TO).groups().getFirst().totals();

        assertThat(List.of(t1.inputTokens(), t1.cachedInputTokens(), t1.outputTokens(), t1.reasoningTokens()))
                .containsExactly(600L, 110L, 120L, 35L);
        assertThat(t1.baselineCostUsd()).isEqualByComparingTo("1.70");
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        assertThat(storage.costs().costs(GroupBy.TEAM, FROM, TO).total().requests()).isEqualTo(5);
        assertThat(storage.costs().costs(GroupBy.TEAM, null, null).total().costUsd()).isEqualByComparingTo("1101.65");
        assertThat(storage.costs().costs(GroupBy.TEAM, Instant.parse("2026-03-03T00:00:00Z"), null).total().requests())
                .isEqualTo(4);
    }

    @Test
    void anEmptyRangeReportsZeroAndNoGroups() {
        CostReport report = storage.costs().costs(GroupBy.KEY, TO.plusSeconds(86_400), TO.plusSeconds(2 * 86_400));

        assertThat(report.groups()).isEmpty();
        assertThat(report.total()).isEqualTo(CostTotals.EMPTY);
    }

    @Test
    void dailySpendIsPerUtcDayAndGroupOldestFirst() {
        List<DailySpend> days = storage.costs().daily(GroupBy.TEAM, FROM, TO);

        assertThat(days).extracting(DailySpend::day, DailySpend::name, DailySpend::requests,
                d -> d.costUsd().setScale(2).toPlainString()).containsExactly(
                tuple(LocalDate.parse("2026-03-02"), "t1", 2L, "0.30"),
                tuple(LocalDate.parse("2026-03-03"), "t1", 1L, "1.00"),
                tuple(LocalDate.parse("2026-03-03"), "t2", 1L, "0.05"),
                tuple(LocalDate.parse("2026-03-04"), null, 1L, "0.30"));
    }

    @Test
    void theSpendOfOneSubjectCountsFromItsStartOnward() {
        assertThat(storage.costs().spend(GroupBy.TEAM, "t1", FROM)).isEqualByComparingTo("1001.30");
        assertThat(storage.costs().spend(GroupBy.TEAM, "t1", Instant.parse("2026-03-03T00:00:00Z")))
                .isEqualByComparingTo("1001.00");
        assertThat(storage.costs().spend(GroupBy.KEY, "k3", FROM)).isEqualByComparingTo("0.05");
        assertThat(storage.costs().spend(GroupBy.ROUTE, "support", FROM)).isEqualByComparingTo("0.30");
    }

    @Test
    void aSubjectWithoutTrafficHasSpentZero() {
        assertThat(storage.costs().spend(GroupBy.USER, "nobody", FROM)).isEqualTo(BigDecimal.ZERO);
    }
}
