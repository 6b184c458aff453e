package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.limits.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Projections checked by hand. As of Tue 2026-03-10 with a 30-day look-back (2026-02-09 to 2026-03-10): team t1
 * spent $10 every day of the window (and $1000 long before it), team t2 started on 2026-03-08 and spends $3 a day.
 */
class ProjectionTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-03-10");
    private static final List<CostQuery.DailySpend> TEAMS = teams();

    private static List<CostQuery.DailySpend> teams() {
        List<CostQuery.DailySpend> rows = new ArrayList<>();
        rows.add(day("2026-01-01", "t1", "1000"));
        for (LocalDate d = LocalDate.parse("2026-02-09"); !d.isAfter(AS_OF); d = d.plusDays(1)) {
            rows.add(new CostQuery.DailySpend(d, "t1", 5, new BigDecimal("10")));
            if (!d.isBefore(LocalDate.parse("2026-03-08"))) {
                rows.add(new CostQuery.DailySpend(d, "t2", 1, new BigDecimal("3")));
            }
        }
        return rows;
    }

    private static CostQuery.DailySpend day(String day, String name, String usd) {
        return new CostQuery.DailySpend(LocalDate.parse(day), name, 1, new BigDecimal(usd));
    }

    private static Projection.Result project(Projection.Settings settings, Projection.Budget... budgets) {
        return Projection.project(Map.of(GroupBy.TEAM, TEAMS), AS_OF, settings, List.of(budgets));
    }

    private static Projection.Line line(List<Projection.Line> lines, String name) {
        return lines.stream().filter(l -> name.equals(l.name())).findFirst().orElseThrow();
    }

    private static Projection.Budget team(String subject, String usd, Period period) {
        return new Projection.Budget(GroupBy.TEAM, subject, new BigDecimal(usd), period);
    }

    @Test
    void withoutGrowthEachMonthIsTheDailyRateTimesItsDays() {
        Projection.Line t1 = line(project(Projection.Settings.DEFAULTS).teams(), "t1");

        assertThat(t1.dailyUsd()).isEqualByComparingTo("10"); // $300 over the 30-day window; January left out
        assertThat(t1.months()).hasSize(12);
        assertThat(t1.months().getFirst()).isEqualTo(new Projection.Month(YearMonth.parse("2026-04"), new BigDecimal("300.00")));
        assertThat(t1.months().get(1)).isEqualTo(new Projection.Month(YearMonth.parse("2026-05"), new BigDecimal("310.00")));
        assertThat(t1.months().getLast().month()).isEqualTo(YearMonth.parse("2027-03"));
        assertThat(t1.totalUsd()).isEqualByComparingTo("3650.00"); // 365 days from 2026-04-01 to 2027-03-31
    }

    @Test
    void aTeamThatStartedWithinTheWindowIsAveragedOverItsOwnDays() {
        assertThat(line(project(Projection.Settings.DEFAULTS).teams(), "t2").dailyUsd()).isEqualByComparingTo("3");
    }

    @Test
    void growthCompoundsMonthlyAndReachesTheFactorInTheLastMonth() {
        Projection.Line t2 = line(project(new Projection.Settings(2, 4, 30)).teams(), "t2");

        // month 1 at 4^(1/2) = 2x: 3 × 2 × 30 days; month 2 at 4x: 3 × 4 × 31 days
        assertThat(t2.months()).containsExactly(new Projection.Month(YearMonth.parse("2026-04"), new BigDecimal("180.00")),
                new Projection.Month(YearMonth.parse("2026-05"), new BigDecimal("372.00")));
        assertThat(t2.totalUsd()).isEqualByComparingTo("552.00");
    }

    @Test
    void linesAreLargestFirst() {
        assertThat(project(Projection.Settings.DEFAULTS).teams()).extracting(Projection.Line::name).containsExactly("t1", "t2");
    }

    @Test
    void aMonthlyBudgetRunsOutOnTheDayThePeriodsSpendReachesIt() {
        Projection.RunOut r = project(Projection.Settings.DEFAULTS, team("t1", "250", Period.MONTH)).budgets().getFirst();

        assertThat(r.spentUsd()).isEqualByComparingTo("100"); // March 1-10
        assertThat(r.runsOutOn()).isEqualTo(LocalDate.parse("2026-03-25")); // 100 + 15 × 10
    }

    @Test
    void aWeeklyBudgetStartsAgainEachMonday() {
        Projection.RunOut enough = project(Projection.Settings.DEFAULTS, team("t1", "60", Period.WEEK)).budgets().getFirst();
        Projection.RunOut ample = project(Projection.Settings.DEFAULTS, team("t1", "100", Period.WEEK)).budgets().getFirst();

        assertThat(enough.spentUsd()).isEqualByComparingTo("20"); // Monday 9th and Tuesday 10th
        assertThat(enough.runsOutOn()).isEqualTo(LocalDate.parse("2026-03-14")); // 20 + 4 × 10
        assertThat(ample.runsOutOn()).isNull(); // a full week costs 70
    }

    @Test
    void aBudgetForEverySubjectIsCheckedForEachOneAndGrowthCanExhaustItLater() {
        List<Projection.RunOut> runOuts = project(new Projection.Settings(2, 4, 30), team("*", "5", Period.DAY)).budgets();

        assertThat(runOuts).extracting(Projection.RunOut::subject, Projection.RunOut::runsOutOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("t1", AS_OF), // $10 today: already used up
                org.assertj.core.groups.Tuple.tuple("t2", LocalDate.parse("2026-04-01"))); // $3 a day, $6 once growth doubles it
    }

    @Test
    void aSubjectWithoutSpendNeverRunsOut() {
        Projection.RunOut r = project(Projection.Settings.DEFAULTS, team("t9", "1", Period.MONTH)).budgets().getFirst();

        assertThat(r.dailyUsd()).isEqualByComparingTo("0");
        assertThat(r.runsOutOn()).isNull();
    }

    @Test
    void theHistoryNeededReachesBackToTheEarliestBudgetPeriod() {
        Projection.Settings shortLook = new Projection.Settings(12, 1, 5);
        List<Projection.Budget> monthly = List.of(team("t1", "1", Period.MONTH));

        assertThat(Projection.historyStart(AS_OF, shortLook, List.of())).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(Projection.historyStart(AS_OF, shortLook, monthly)).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(Projection.needed(List.of(new Projection.Budget(GroupBy.USER, "*", BigDecimal.ONE, Period.DAY))))
                .containsExactlyInAnyOrder(GroupBy.TEAM, GroupBy.ROUTE, GroupBy.USER);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new Projection.Settings(0, 1, 30)).hasMessageContaining("months");
        assertThatThrownBy(() -> new Projection.Settings(12, 0, 30)).hasMessageContaining("growth");
        assertThatThrownBy(() -> new Projection.Settings(12, Double.NaN, 30)).hasMessageContaining("growth");
        assertThatThrownBy(() -> new Projection.Settings(12, 1, 0)).hasMessageContaining("look-back");
    }
}
