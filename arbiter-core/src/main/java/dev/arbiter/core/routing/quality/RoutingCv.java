package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import dev.arbiter.core.routing.replay.PSuccessSource;
import dev.arbiter.core.routing.replay.Replay;
import dev.arbiter.core.routing.replay.ReplayException;
import dev.arbiter.core.routing.replay.ReplayReport;
import dev.arbiter.core.routing.replay.RouterSummary;
import dev.arbiter.core.routing.replay.WinScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routing figures from whole-task cross-validation: replays cheapest-meeting-bar over the held-out predictions
 * of one outcome file at every bar from 0 to 1 in steps of 0.01, finds the cheapest bar that keeps the target
 * share of always-best's quality, and computes RouteLLM's APGR on a pair of its models (both win scores).
 */
public final class RoutingCv {
    /** Bars are swept in hundredths. */
    public static final int BAR_STEPS = 100;

    /** The cost/quality of the policy at one bar, also as shares of always-best's. */
    public record Point(double bar, double quality, double costMean, double qualityShare, double costShare) {
    }

    /** Two-model figures for both strong-win scores. */
    public record Pair(String strong, String weak, double apgrStrongP, double apgrWinRate, double cpt50, double cpt80) {
    }

    /**
     * @param best    always-best's summary on the evaluated rows
     * @param chosen  the cheapest point reaching {@code qualityTarget} of always-best's quality, or null
     * @param report  the replay at the chosen bar (or 0.8) with its 0.05-step sweep, for tables and plots
     */
    public record Figures(List<Point> frontier, RouterSummary best, Point chosen, Pair pair, ReplayReport report,
                          double qualityTarget, double costTarget) {
        public boolean frontierTargetMet() {
            return chosen != null && chosen.costShare() <= costTarget;
        }
    }

    private RoutingCv() {
    }

    /**
     * @param rows        the evaluated file's rows (every row with the same models, as replay needs)
     * @param predictions held-out probabilities by row id and model ({@link TaskHoldout.Result#predictions()})
     * @param pair        two model names for APGR, or null
     */
    public static Figures figures(String label, List<OutcomeRow> rows, Map<String, Map<String, Double>> predictions,
                                  List<String> pair, double qualityTarget, double costTarget) {
        RoutingPolicy policy = Policies.byName(Policies.CHEAPEST_MEETING_BAR);
        Replay replay = new Replay(source(predictions), null, null);
        List<Point> frontier = new ArrayList<>();
        RouterSummary best = null;
        for (int i = 0; i <= BAR_STEPS; i++) {
            double bar = (double) i / BAR_STEPS;
            ReplayReport r = replay.run(label, rows, plan(policy, bar, false));
            best = r.baseline("always-best");
            RouterSummary s = r.policy();
            frontier.add(new Point(bar, s.quality(), s.costMean(), s.quality() / best.quality(),
                    s.costMean() / best.costMean()));
        }
        Point chosen = frontier.stream().filter(p -> p.qualityShare() >= qualityTarget)
                .min(java.util.Comparator.comparingDouble(Point::costMean)).orElse(null);
        ReplayReport report = replay.run(label, rows, plan(policy, chosen == null ? 0.8 : chosen.bar(), true));
        return new Figures(List.copyOf(frontier), best, chosen, pair == null ? null : pair(label, rows, replay, pair),
                report, qualityTarget, costTarget);
    }

    private static Pair pair(String label, List<OutcomeRow> rows, Replay replay, List<String> models) {
        List<OutcomeRow> two = OutcomeFile.restrict(rows, models.get(0), models.get(1));
        RoutingPolicy policy = Policies.byName(Policies.CHEAPEST_MEETING_BAR);
        ReplayReport.TwoModel strongP = replay.run(label, two, new Replay.Plan(policy, new PolicySettings(0.5, null),
                true, WinScore.STRONG_P)).twoModel();
        ReplayReport.TwoModel winRate = replay.run(label, two, new Replay.Plan(policy, new PolicySettings(0.5, null),
                true, WinScore.WIN_RATE)).twoModel();
        return new Pair(strongP.strong(), strongP.weak(), strongP.result().apgr(), winRate.result().apgr(),
                strongP.result().cpt50(), strongP.result().cpt80());
    }

    private static Replay.Plan plan(RoutingPolicy policy, double bar, boolean sweep) {
        return new Replay.Plan(policy, new PolicySettings(Math.min(1.0, bar), null), sweep, WinScore.STRONG_P);
    }

    private static PSuccessSource source(Map<String, Map<String, Double>> predictions) {
        return (row, features, model) -> {
            Map<String, Double> p = predictions.get(row.id());
            Double v = p == null ? null : p.get(model);
            if (v == null) {
                throw new ReplayException("no held-out prediction for " + model + " on row " + row.id());
            }
            return v;
        };
    }
}
