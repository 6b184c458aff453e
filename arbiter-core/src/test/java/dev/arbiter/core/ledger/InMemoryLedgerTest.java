package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory ledger: idempotent writes and exact reports, daily spend and subject spend. */
class InMemoryLedgerTest {
    private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APR_1 = Instant.parse("2026-04-01T00:00:00Z");
    private final InMemoryLedger ledger = new InMemoryLedger();

    private void write(LedgerEntry... rows) {
        ledger.write(List.of(rows));
    }

    @Test
    void aRetriedBatchNeverDoublesARow() {
        write(Rows.row("a"), Rows.row("b"));
        write(Rows.row("a"), Rows.row("b"), Rows.row("c"));

        assertThat(ledger.entries()).extracting(LedgerEntry::requestId).containsExactly("a", "b", "c");
    }

    @Test
    void sumsEachGroupExactlyLargestCostFirst() {
        write(Rows.row("1", Instant.parse("2026-03-02T10:00:00Z"), "t1", "m", "0.1", "0.3"),
                Rows.row("2", Instant.parse("2026-03-03T10:00:00Z"), "t1", "m", "0.2", "0.3"),
                Rows.row("3", Instant.parse("2026-03-04T10:00:00Z"), "t2", "m", "0.7", "0.7"));

        CostReport report = ledger.costs(GroupBy.TEAM, MAR_1, APR_1);

        assertThat(report.groups()).extracting(CostReport.Group::name).containsExactly("t2", "t1");
        CostTotals t1 = report.groups().get(1).totals();
        assertThat(t1.requests()).isEqualTo(2);
        assertThat(t1.costUsd()).isEqualByComparingTo("0.3"); // 0.1 + 0.2 exactly, no floating-point drift
        assertThat(t1.baselineCostUsd()).isEqualByComparingTo("0.6");
        assertThat(t1.savingsUsd()).isEqualByComparingTo("0.3");
        assertThat(List.of(t1.inputTokens(), t1.cachedInputTokens(), t1.outputTokens(), t1.reasoningTokens()))
                .containsExactly(2000L, 200L, 400L, 100L);
        assertThat(report.total().costUsd()).isEqualByComparingTo("1.0");
        assertThat(report.total().requests()).isEqualTo(3);
    }

    @Test
    void aReportCoversFromInclusiveToExclusive() {
        write(Rows.row("before", MAR_1.minusNanos(1), "t1", "m", "1", "1"),
                Rows.row("first", MAR_1, "t1", "m", "2", "2"),
                Rows.row("end", APR_1, "t1", "m", "4", "4"));

        assertThat(ledger.costs(GroupBy.TEAM, MAR_1, APR_1).total().costUsd()).isEqualByComparingTo("2");
    }

    @Test
    void rowsWithoutTheAttributeFormTheirOwnNullGroup() {
        write(Rows.row("1", MAR_1, null, "m", "1", "1"), Rows.row("2", MAR_1, "t1", "m", "1", "1"));

        assertThat(ledger.costs(GroupBy.TEAM, MAR_1, APR_1).groups()).extracting(CostReport.Group::name)
                .containsExactly("t1", null);
    }

    @Test
    void aRowWithoutABaselineCostCountsAsSavingNothing() {
        write(Rows.row("1", MAR_1, "t1", "m", "0.5", null));

        assertThat(ledger.costs(GroupBy.TEAM, MAR_1, APR_1).total().savingsUsd()).isEqualByComparingTo("0");
    }

    @Test
    void groupsByEveryAttribute() {
        write(Rows.row("1", MAR_1, "t1", "openai/mini", "1", "1"));

        assertThat(List.of(GroupBy.values())).extracting(by -> ledger.costs(by, MAR_1, APR_1).groups().getFirst().name())
                .containsExactly("key-t1", "user-t1", "t1", "openai/mini", "auto", "coding");
    }

    @Test
    void dailySpendIsPerUtcDayAndGroupOldestFirst() {
        write(Rows.row("1", Instant.parse("2026-03-02T23:59:59Z"), "t2", "m", "1", "1"),
                Rows.row("2", Instant.parse("2026-03-02T00:00:00Z"), "t1", "m", "2", "2"),
                Rows.row("3", Instant.parse("2026-03-03T00:00:00Z"), "t1", "m", "4", "4"),
                Rows.row("4", Instant.parse("2026-03-02T12:00:00Z"), "t1", "m", "8", "8"));

        assertThat(ledger.daily(GroupBy.TEAM, MAR_1, APR_1)).containsExactly(
                new CostQuery.DailySpend(LocalDate.parse("2026-03-02"), "t1", 2, new java.math.BigDecimal("10")),
                new CostQuery.DailySpend(LocalDate.parse("2026-03-02"), "t2", 1, new java.math.BigDecimal("1")),
                new CostQuery.DailySpend(LocalDate.parse("2026-03-03"), "t1", 1, new java.math.BigDecimal("4")));
    }

    @Test
    void spendOfOneSubjectSinceAnInstant() {
        write(Rows.row("1", Instant.parse("2026-02-28T10:00:00Z"), "t1", "m", "1", "1"),
                Rows.row("2", Instant.parse("2026-03-05T10:00:00Z"), "t1", "m", "2", "2"),
                Rows.row("3", Instant.parse("2026-03-06T10:00:00Z"), "t2", "m", "4", "4"));

        assertThat(ledger.spend(GroupBy.TEAM, "t1", MAR_1)).isEqualByComparingTo("2");
        assertThat(ledger.spend(GroupBy.TEAM, "nobody", MAR_1)).isEqualByComparingTo("0");
    }
}
