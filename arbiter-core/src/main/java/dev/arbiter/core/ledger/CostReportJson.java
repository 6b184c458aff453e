package dev.arbiter.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The one JSON shape of a {@link CostReport}, shared by {@code arbiter costs --json} and {@code GET /admin/costs}:
 * <pre>{"by": "team", "from": ISO instant, "to": ISO instant,
 *  "total": {"requests", "cost_usd", "baseline_cost_usd", "savings_usd", "input_tokens", "cached_input_tokens",
 *            "output_tokens", "reasoning_tokens"},
 *  "groups": [{"team": name or null, ...the same fields...}]}</pre>
 * Money is written as exact plain decimals (never 1E-7).
 */
public final class CostReportJson {
    private static final ObjectWriter PLAIN = Json.MAPPER.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CostReportJson() {
    }

    public static ObjectNode node(CostReport report) {
        ObjectNode root = Json.object();
        root.put("by", report.by().label());
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.set("total", totals(Json.object(), report.total()));
        var groups = root.putArray("groups");
        for (CostReport.Group g : report.groups()) {
            ObjectNode group = Json.object();
            group.put(report.by().label(), g.name());
            groups.add(totals(group, g.totals()));
        }
        return root;
    }

    /** Any JSON tree as bytes, money (BigDecimal) as plain decimals: 0.00000012, never 1.2E-7. */
    public static byte[] bytes(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return PLAIN.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as JSON text, money as plain decimals. */
    public static String text(CostReport report) {
        try {
            return PLAIN.writeValueAsString(node(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode totals(ObjectNode into, CostTotals t) {
        into.put("requests", t.requests());
        into.put("cost_usd", money(t.costUsd()));
        into.put("baseline_cost_usd", money(t.baselineCostUsd()));
        into.put("savings_usd", money(t.savingsUsd()));
        into.put("input_tokens", t.inputTokens());
        into.put("cached_input_tokens", t.cachedInputTokens());
        into.put("output_tokens", t.outputTokens());
        into.put("reasoning_tokens", t.reasoningTokens());
        return into;
    }

    private static BigDecimal money(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
