package dev.arbiter.cli;

import static dev.arbiter.cli.CostsCommandTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.ledger.InMemoryLedger;
import dev.arbiter.core.ledger.LedgerEntry;
import dev.arbiter.core.ledger.Projection;
import dev.arbiter.core.limits.Period;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code arbiter project}: team t1 spent $10 a day for the 30 days up to 2026-03-10; one monthly budget of $250. */
class ProjectCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void seam() {
        InMemoryLedger ledger = new InMemoryLedger();
        List<LedgerEntry> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-02-09"); !d.isAfter(LocalDate.parse("2026-03-10")); d = d.plusDays(1)) {
            rows.add(row("r" + d, d + "T08:00:00Z", "t1", "10", "20"));
        }
        ledger.write(rows);
        LedgerAccess.useCostQuery(config -> ledger);
        LedgerAccess.useBudgets(config -> List.of(
                new Projection.Budget(GroupBy.TEAM, "t1", new BigDecimal("250"), Period.MONTH)));
        LedgerAccess.useClock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void resetSeam() {
        LedgerAccess.reset();
    }

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void printsTeamsRoutesAndWhenEachBudgetRunsOut() {
        int exit = run("project", "--growth", "3x", "--months", "12");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains(
                "Projection for 12 months at 3x growth (compounding monthly), from the spend of the last 30 days as of"
                        + " 2026-03-10 (UTC).",
                "By team", "By route", "2026-04", "2027-03", "12-MONTH TOTAL",
                "team t1: $250 per month, $100.00 spent this month, $10.00/day now; runs out on 2026-03-25");
        assertThat(out.toString().lines().filter(l -> l.strip().startsWith("t1")).findFirst().orElseThrow())
                .contains("10.00", "930.00"); // the last month at 3x: 10 × 3 × 31 days
    }

    @Test
    void printsTheProjectionAsJson() {
        int exit = run("project", "--growth", "4", "--months", "2", "--json");

        assertThat(exit).isZero();
        JsonNode json = Json.parse(out.toString());
        assertThat(json.get("as_of").asText()).isEqualTo("2026-03-10");
        JsonNode t1 = json.get("teams").get(0);
        assertThat(t1.get("team").asText()).isEqualTo("t1");
        assertThat(t1.get("months").get(0).get("usd").decimalValue()).isEqualByComparingTo("600"); // 10 × 2 × 30
        assertThat(t1.get("months").get(1).get("usd").decimalValue()).isEqualByComparingTo("1240"); // 10 × 4 × 31
        assertThat(json.get("routes").get(0).get("route").asText()).isEqualTo("auto");
        assertThat(json.get("budgets").get(0).get("runs_out_on").asText()).isEqualTo("2026-03-25");
    }

    @Test
    void refusesABadGrowthOrMonthCountWithExitCode2() {
        assertThat(run("project", "--growth", "lots")).isEqualTo(2);
        assertThat(run("project", "--months", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("arbiter project: --growth must be a factor such as 3x or 1.5, got 'lots'",
                "arbiter project: months must be between 1 and 120, got 0");
    }
}
