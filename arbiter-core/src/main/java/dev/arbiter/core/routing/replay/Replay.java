package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays a routing policy over an outcome file: builds each row's candidates (pSuccess from predictions or a
 * quality model; cost from the row's cost_usd, else a price table, else 1.0 per call), lets the policy choose, and
 * scores the choices against the baselines; with a sweep it also traces the frontier and computes RouteLLM's
 * metrics (two models) or AIQ (more).
 */
public final class Replay {
    /** What to replay: the policy, its settings, whether to sweep, and the two-model win score. */
    public record Plan(RoutingPolicy policy, PolicySettings settings, boolean sweep, WinScore winScore) {
    }

    private final PSuccessSource pSuccess;
    private final PriceTable prices;
    private final FeatureExtractor extractor;

    /**
     * @param prices    per-token prices for rows without cost_usd, or null
     * @param extractor request features for the policy and a quality model, or null (placeholder features)
     */
    public Replay(PSuccessSource pSuccess, PriceTable prices, FeatureExtractor extractor) {
        this.pSuccess = Objects.requireNonNull(pSuccess, "pSuccess");
        this.prices = prices;
        this.extractor = extractor;
    }

    /** Replay scored by a live quality model, which reads the features {@code extractor} gives each prompt. */
    public static Replay withQualityModel(QualityModel quality, FeatureExtractor extractor, PriceTable prices) {
        return new Replay(PSuccessSource.of(quality), prices, Objects.requireNonNull(extractor, "extractor"));
    }

    public ReplayReport run(String data, List<OutcomeRow> rows, Plan plan) {
        ReplayTable t = table(rows);
        RouterSummary policy = Metrics.summarise(plan.policy().name(), t, Router.route(t, plan.policy(), plan.settings()));
        List<RouterSummary> baselines = List.of(Metrics.alwaysBest(t), Metrics.alwaysCheapest(t),
                Metrics.random(t), Metrics.oracle(t));
        List<RouterSummary> eachModel = Metrics.eachModel(t);
        List<SweepPoint> sweep = plan.sweep() ? Sweep.run(t, plan.policy(), plan.settings()) : List.of();
        ReplayReport.TwoModel two = plan.sweep() && t.modelCount() == 2 ? twoModel(t, plan.winScore()) : null;
        ReplayReport.AiqFigures aiq = plan.sweep() && t.modelCount() > 2 ? aiq(sweep, eachModel) : null;
        return new ReplayReport(data, t.rows(), t.models, t.costBases, plan.settings(), policy, baselines, eachModel,
                sweep, two, aiq);
    }

    ReplayTable table(List<OutcomeRow> rows) {
        if (rows.isEmpty()) {
            throw new ReplayException("empty data file: no rows");
        }
        List<String> models = new ArrayList<>(rows.getFirst().outcomes().keySet());
        int n = rows.size();
        int k = models.size();
        double[][] score = new double[n][k];
        double[][] cost = new double[n][k];
        double[][] p = new double[n][k];
        List<RequestFeatures> features = new ArrayList<>(n);
        Map<CostBasis, Integer> bases = new EnumMap<>(CostBasis.class);
        for (int r = 0; r < n; r++) {
            OutcomeRow row = rows.get(r);
            RequestFeatures f = features(row.prompt());
            features.add(f);
            for (int m = 0; m < k; m++) {
                OutcomeRow.Outcome o = row.outcomes().get(models.get(m));
                score[r][m] = o.score();
                CostBasis basis = o.costUsd() != null ? CostBasis.FILE
                        : prices != null && prices.knows(models.get(m)) ? CostBasis.PRICES : CostBasis.PER_CALL;
                cost[r][m] = switch (basis) {
                    case FILE -> o.costUsd();
                    case PRICES -> prices.estimateUsd(models.get(m), row.prompt());
                    case PER_CALL -> 1.0;
                };
                bases.merge(basis, 1, Integer::sum);
                p[r][m] = pSuccess.pSuccess(row, f, models.get(m));
            }
        }
        return new ReplayTable(models, score, cost, p, features, bases);
    }

    /**
     * Features for a prompt. Without an extractor, a neutral stand-in (chat, unknown language, ~4 characters per
     * token): the shipped policies rank on pSuccess and cost only, and predictions already carry the request.
     */
    private RequestFeatures features(String prompt) {
        if (extractor != null) {
            return extractor.extract(prompt);
        }
        return new RequestFeatures(TaskType.CHAT, Map.of(TaskType.CHAT, 1.0), "und",
                (prompt.length() + PriceTable.CHARS_PER_TOKEN - 1) / PriceTable.CHARS_PER_TOKEN, 0,
                false, false, false, prompt);
    }

    private static ReplayReport.TwoModel twoModel(ReplayTable t, WinScore winScore) {
        int strong = Metrics.bestModel(t);
        int weak = 1 - strong;
        double[] win = new double[t.rows()];
        double[] strongScores = new double[t.rows()];
        double[] weakScores = new double[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            win[r] = winScore.of(t.p[r][strong], t.p[r][weak]);
            strongScores[r] = t.score[r][strong];
            weakScores[r] = t.score[r][weak];
        }
        return new ReplayReport.TwoModel(t.models.get(strong), t.models.get(weak), winScore,
                RouteLlmMetrics.evaluate(win, strongScores, weakScores));
    }

    private static ReplayReport.AiqFigures aiq(List<SweepPoint> sweep, List<RouterSummary> eachModel) {
        List<Aiq.CostQuality> router = sweep.stream().map(s -> point(s.summary())).toList();
        List<Aiq.CostQuality> zero = eachModel.stream().map(Replay::point).toList();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Aiq.CostQuality c : concat(router, zero)) {
            lo = Math.min(lo, c.cost());
            hi = Math.max(hi, c.cost());
        }
        return new ReplayReport.AiqFigures(Aiq.of(router, lo, hi), Aiq.of(zero, lo, hi), lo, hi);
    }

    private static Aiq.CostQuality point(RouterSummary s) {
        return new Aiq.CostQuality(s.costMean(), s.quality());
    }

    private static List<Aiq.CostQuality> concat(List<Aiq.CostQuality> a, List<Aiq.CostQuality> b) {
        List<Aiq.CostQuality> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
