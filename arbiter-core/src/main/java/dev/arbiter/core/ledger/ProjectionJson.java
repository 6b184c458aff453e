package dev.arbiter.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shape of a {@link Projection.Result}: {@code {"as_of", "months", "growth", "lookback_days",
 * "teams": [{"team", "daily_usd", "months": [{"month": "2026-04", "usd"}], "total_usd"}], "routes": [{"route", ...}],
 * "budgets": [{"scope", "subject", "usd", "period", "spent_usd", "daily_usd", "runs_out_on"}]}}; runs_out_on is
 * a UTC date or null (not within the projected months). Money as plain decimals.
 */
public final class ProjectionJson {
    private static final ObjectWriter PLAIN = Json.MAPPER.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ProjectionJson() {
    }

    public static ObjectNode node(Projection.Result result) {
        ObjectNode root = Json.object();
        root.put("as_of", result.asOf().toString());
        root.put("months", result.settings().months());
        root.put("growth", result.settings().growth());
        root.put("lookback_days", result.settings().lookbackDays());
        root.set("teams", lines("team", result.teams()));
        root.set("routes", lines("route", result.routes()));
        ArrayNode budgets = root.putArray("budgets");
        for (Projection.RunOut r : result.budgets()) {
            ObjectNode b = budgets.addObject();
            b.put("scope", r.budget().scope().label());
            b.put("subject", r.subject());
            b.put("usd", plain(r.budget().usd()));
            b.put("period", r.budget().period().label());
            b.put("spent_usd", plain(r.spentUsd()));
            b.put("daily_usd", plain(r.dailyUsd()));
            b.put("runs_out_on", r.runsOutOn() == null ? null : r.runsOutOn().toString());
        }
        return root;
    }

    public static String text(Projection.Result result) {
        try {
            return PLAIN.writeValueAsString(node(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode lines(String field, List<Projection.Line> lines) {
        ArrayNode out = Json.array();
        for (Projection.Line line : lines) {
            ObjectNode o = out.addObject();
            o.put(field, line.name());
            o.put("daily_usd", plain(line.dailyUsd()));
            ArrayNode months = o.putArray("months");
            for (Projection.Month m : line.months()) {
                months.addObject().put("month", m.month().toString()).put("usd", m.usd());
            }
            o.put("total_usd", line.totalUsd());
        }
        return out;
    }

    private static BigDecimal plain(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
