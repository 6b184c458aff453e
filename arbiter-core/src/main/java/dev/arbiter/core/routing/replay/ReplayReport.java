package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.PolicySettings;
import java.util.List;
import java.util.Map;

/**
 * Everything one replay found: the file's shape and cost basis, the policy's summary next to the baselines and
 * each model alone, and with a sweep the frontier plus RouteLLM's metrics (two models) or AIQ (more). Rendered
 * by {@link #text()} and {@link #json()}.
 */
public record ReplayReport(
        String data,
        int rows,
        List<String> models,
        Map<CostBasis, Integer> costBases,
        PolicySettings settings,
        RouterSummary policy,
        List<RouterSummary> baselines,
        List<RouterSummary> eachModel,
        List<SweepPoint> sweep,
        TwoModel twoModel,
        AiqFigures aiq) {

    /** RouteLLM's figures for a two-model file, with which model counted as strong. */
    public record TwoModel(String strong, String weak, WinScore winScore, RouteLlmMetrics.Result result) {
    }

    /** AIQ of the policy's sweep and of the zero router (the hull of the models alone), over one cost range. */
    public record AiqFigures(double router, double zeroRouter, double costMin, double costMax) {
    }

    public ReplayReport {
        models = List.copyOf(models);
        costBases = Map.copyOf(costBases);
        baselines = List.copyOf(baselines);
        eachModel = List.copyOf(eachModel);
        sweep = List.copyOf(sweep);
    }

    public boolean costBlind() {
        return costBases.getOrDefault(CostBasis.PER_CALL, 0) > 0;
    }

    public RouterSummary baseline(String name) {
        return baselines.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    public String text() {
        return ReportText.render(this);
    }

    public String json() {
        return ReportJson.render(this);
    }
}
