package dev.arbiter.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostTotals;
import java.io.UncheckedIOException;

/**
 * The JSON form of a cost report, as {@code GET /admin/costs} answers it: {@code by}, {@code from}, {@code to},
 * {@code total} and {@code groups} (each named by the grouping, e.g. {@code {"team": "t1", ...}}), with money as
 * plain decimal numbers (never an exponent).
 */
public final class CostReportJson {
    private static final ObjectWriter PLAIN = Json.MAPPER.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CostReportJson() {
    }

    public static ObjectNode render(CostReport report) {
        ObjectNode out = Json.object();
        out.put("by", report.by().label());
        out.put("from", report.from().toString());
        out.put("to", report.to().toString());
        out.set("total", totals(Json.object(), report.total()));
        ArrayNode groups = out.putArray("groups");
        for (CostReport.Group group : report.groups()) {
            groups.add(totals(Json.object().put(report.by().label(), group.name()), group.totals()));
        }
        return out;
    }

    /** JSON bytes with every BigDecimal written plainly (0.00000012, not 1.2E-7). */
    public static byte[] bytes(JsonNode node) {
        try {
            return PLAIN.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode totals(ObjectNode out, CostTotals t) {
        return out.put("requests", t.requests())
                .put("cost_usd", t.costUsd())
                .put("baseline_cost_usd", t.baselineCostUsd())
                .put("savings_usd", t.savingsUsd())
                .put("input_tokens", t.inputTokens())
                .put("cached_input_tokens", t.cachedInputTokens())
                .put("output_tokens", t.outputTokens())
                .put("reasoning_tokens", t.reasoningTokens());
    }
}
