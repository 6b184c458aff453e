package dev.arbiter.core.routing.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.util.Locale;

/** Renders a {@link ReplayReport} as the one JSON object {@code arbiter replay --json} prints. */
final class ReportJson {
    private ReportJson() {
    }

    static String render(ReplayReport r) {
        ObjectNode root = Json.object();
        root.put("data", r.data());
        root.put("rows", r.rows());
        ArrayNode models = root.putArray("models");
        r.models().forEach(models::add);
        ObjectNode costs = root.putObject("cost_basis");
        r.costBases().forEach((basis, n) -> costs.put(basis.name().toLowerCase(Locale.ROOT), n));
        root.put("cost_blind", r.costBlind());
        ObjectNode settings = root.putObject("settings");
        settings.put("bar", r.settings().qualityBar());
        if (r.settings().maxCostUsd() != null) {
            settings.put("max_cost_usd", r.settings().maxCostUsd());
        }
        root.set("policy", summary(r.policy()));
        ObjectNode baselines = root.putObject("baselines");
        r.baselines().forEach(b -> baselines.set(b.name(), summary(b)));
        if (!r.sweep().isEmpty()) {
            ArrayNode sweep = root.putArray("sweep");
            for (SweepPoint p : r.sweep()) {
                ObjectNode point = summary(p.summary());
                point.put(p.parameter(), p.value());
                sweep.add(point);
            }
        }
        if (r.twoModel() != null) {
            root.set("routellm", routeLlm(r.twoModel()));
        }
        if (r.aiq() != null) {
            ObjectNode aiq = root.putObject("aiq");
            aiq.put("router", r.aiq().router());
            aiq.put("zero_router", r.aiq().zeroRouter());
            aiq.put("cost_min", r.aiq().costMin());
            aiq.put("cost_max", r.aiq().costMax());
        }
        return Json.text(root);
    }

    private static ObjectNode summary(RouterSummary s) {
        ObjectNode o = Json.object();
        o.put("name", s.name());
        if (s.model() != null) {
            o.put("model", s.model());
        }
        o.put("quality", s.quality());
        o.put("cost_total", s.costTotal());
        o.put("cost_mean", s.costMean());
        ObjectNode shares = o.putObject("shares");
        s.shares().forEach(shares::put);
        return o;
    }

    private static ObjectNode routeLlm(ReplayReport.TwoModel t) {
        ObjectNode o = Json.object();
        o.put("strong", t.strong());
        o.put("weak", t.weak());
        o.put("win_score", t.winScore().cliName());
        RouteLlmMetrics.Result m = t.result();
        o.put("strong_accuracy", m.strongAccuracy());
        o.put("weak_accuracy", m.weakAccuracy());
        number(o, "apgr", m.apgr());
        number(o, "cpt50", m.cpt50());
        number(o, "cpt80", m.cpt80());
        ArrayNode points = o.putArray("points");
        for (RouteLlmMetrics.Point p : m.points()) {
            points.addObject().put("threshold", p.threshold()).put("strong_percent", p.strongPercent())
                    .put("accuracy", p.accuracy());
        }
        return o;
    }

    /** NaN (e.g. APGR when both models score alike) is not JSON: write null. */
    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
