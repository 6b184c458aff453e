package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared JSON shape of a cost report (arbiter costs --json and GET /admin/costs). */
class CostReportJsonTest {
    @Test
    void rendersTotalsAndGroupsUnderTheGroupingsName() {
        CostTotals t1 = new CostTotals(2, 2000, 200, 400, 100, new BigDecimal("0.000000125"), new BigDecimal("0.50"));
        CostReport report = new CostReport(GroupBy.TEAM, Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), t1, List.of(new CostReport.Group("t1", t1),
                new CostReport.Group(null, CostTotals.EMPTY)));

        assertThat(CostReportJson.text(report)).isEqualTo("{\"by\":\"team\",\"from\":\"2026-03-01T00:00:00Z\","
                + "\"to\":\"2026-04-01T00:00:00Z\",\"total\":{\"requests\":2,\"cost_usd\":0.000000125,"
                + "\"baseline_cost_usd\":0.5,\"savings_usd\":0.499999875,\"input_tokens\":2000,"
                + "\"cached_input_tokens\":200,\"output_tokens\":400,\"reasoning_tokens\":100},"
                + "\"groups\":[{\"team\":\"t1\",\"requests\":2,\"cost_usd\":0.000000125,\"baseline_cost_usd\":0.5,"
                + "\"savings_usd\":0.499999875,\"input_tokens\":2000,\"cached_input_tokens\":200,\"output_tokens\":400,"
                + "\"reasoning_tokens\":100},{\"team\":null,\"requests\":0,\"cost_usd\":0,\"baseline_cost_usd\":0,"
                + "\"savings_usd\":0,\"input_tokens\":0,\"cached_input_tokens\":0,\"output_tokens\":0,"
                + "\"reasoning_tokens\":0}]}");
    }
}
