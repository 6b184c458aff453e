package dev.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.ledger.InMemoryLedger;
import dev.arbiter.core.ledger.LedgerEntry;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code arbiter costs} over an in-memory ledger put behind the storage seam. */
class CostsCommandTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static LedgerEntry row(String id, String at, String team, String cost, String baseline) {
        return new LedgerEntry(id, Instant.parse(at), "key-" + team, "user-" + team, team, "openai", "auto", "coding",
                "openai/mini", "openai", false, 200, "ok", 1000, 100, 0, 200, 50, new BigDecimal(cost), "openai/big",
                new BigDecimal(baseline), 500, null, false, "d", List.of());
    }

    @BeforeEach
    void seam() {
        ledger.write(List.of(row("1", "2026-03-02T10:00:00Z", "t1", "0.25", "1.00"),
                row("2", "2026-03-05T10:00:00Z", "t1", "0.25", "1.00"),
                row("3", "2026-03-06T10:00:00Z", "t2", "1.5", "1.5"),
                row("4", "2026-02-27T10:00:00Z", "t2", "9", "9")));
        LedgerAccess.useCostQuery(config -> ledger);
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
    void printsATableOfThisMonthByTeamWithSavings() {
        int exit = run("costs");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("""
                Costs by team, 2026-03-01 to 2026-03-10 (UTC)
                TEAM   REQUESTS  INPUT TOKENS  CACHED  OUTPUT TOKENS  REASONING  COST USD  BASELINE USD  SAVINGS
                t2            1         1,000     100            200         50  1.500000      1.500000     0.0%
                t1            2         2,000     200            400        100  0.500000      2.000000    75.0%
                TOTAL         3         3,000     300            600        150  2.000000      3.500000    42.9%
                Savings = baseline cost − cost: what the same requests would have cost on each route's baseline model.
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void printsTheAdminApisJsonForAnyGroupingAndPeriod() {
        int exit = run("costs", "--by", "user", "--from", "2026-02-01", "--to", "2026-02-28", "--json");

        assertThat(exit).isZero();
        JsonNode json = Json.parse(out.toString());
        assertThat(json.get("by").asText()).isEqualTo("user");
        assertThat(json.get("from").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(json.get("to").asText()).isEqualTo("2026-03-01T00:00:00Z"); // the last day is included
        assertThat(json.get("total").get("cost_usd").decimalValue()).isEqualByComparingTo("9");
        assertThat(json.get("groups").get(0).get("user").asText()).isEqualTo("user-t2");
        assertThat(json.get("groups").get(0).get("savings_usd").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void saysSoWhenNothingWasRecorded() {
        int exit = run("costs", "--from", "2025-01-01", "--to", "2025-01-31");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("No requests recorded in this period.", "TOTAL         0");
    }

    @Test
    void refusesAnUnknownGroupingAndBadDatesWithExitCode2() {
        assertThat(run("costs", "--by", "colour")).isEqualTo(2);
        assertThat(run("costs", "--from", "March")).isEqualTo(2);
        assertThat(run("costs", "--from", "2026-03-05", "--to", "2026-03-01")).isEqualTo(2);
        assertThat(err.toString()).contains(
                "arbiter costs: --by must be one of key, user, team, model, route, task, got 'colour'",
                "arbiter costs: --from must be a date (2026-03-01) or an ISO instant (2026-03-01T00:00:00Z), got 'March'",
                "arbiter costs: --from (2026-03-05T00:00:00Z) must be before --to (2026-03-02T00:00:00Z)");
    }

    @Test
    void withoutLedgerStorageItSaysSoWithExitCode1() {
        LedgerAccess.reset();

        assertThat(run("costs")).isEqualTo(1);
        assertThat(err.toString()).startsWith("arbiter costs: no ledger storage is available");
    }
}
