package dev.arbiter.core.routing.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RouterBench's Average Improvement in Quality (Hu et al. 2024, §4): a router swept over its parameter gives
 * cost–quality points; any two of them can be mixed at random, and spending more may always be declined, so what
 * the router can reach is the non-decreasing upper convex hull R̃ of those points, and
 * AIQ = 1 / (c_max − c_min) · ∫ R̃(c) dc over [c_min, c_max]. Below the router's cheapest point R̃ is 0 (it cannot
 * spend that little, as in withmartian/routerbench's evaluation/AIQ.py, which integrates from the first hull
 * point); past its dearest it stays flat at its best quality (AIQ.py's extension to the common max cost).
 */
public final class Aiq {
    /** A router's (mean cost per call, mean quality) at one parameter value. */
    public record CostQuality(double cost, double quality) {
    }

    private Aiq() {
    }

    /** AIQ over the points' own cost range. */
    public static double of(List<CostQuality> points) {
        double lo = points.stream().mapToDouble(CostQuality::cost).min().orElseThrow();
        double hi = points.stream().mapToDouble(CostQuality::cost).max().orElseThrow();
        return of(points, lo, hi);
    }

    /** AIQ over [cMin, cMax], the range shared by the routers being compared; a zero-width range reads R̃ there. */
    public static double of(List<CostQuality> points, double cMin, double cMax) {
        List<CostQuality> hull = hull(points);
        if (!(cMax > cMin)) {
            return valueAt(hull, cMin);
        }
        double area = 0;
        for (int i = 1; i < hull.size(); i++) {
            area += segmentArea(hull.get(i - 1), hull.get(i), cMin, cMax);
        }
        CostQuality last = hull.getLast();
        double flatFrom = Math.max(last.cost(), cMin);
        if (cMax > flatFrom) {
            area += (cMax - flatFrom) * last.quality();
        }
        return area / (cMax - cMin);
    }

    /**
     * The non-decreasing upper convex hull: cheapest point first (the best of equal-cost ones), every point on or
     * under a chord dropped, and nothing after the best quality (paying more for less is never chosen).
     */
    public static List<CostQuality> hull(List<CostQuality> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no cost-quality points");
        }
        List<CostQuality> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(CostQuality::cost)
                .thenComparing(Comparator.comparingDouble(CostQuality::quality).reversed()));
        List<CostQuality> hull = new ArrayList<>();
        for (CostQuality p : sorted) {
            if (!hull.isEmpty() && hull.getLast().cost() == p.cost()) {
                continue;
            }
            while (hull.size() >= 2 && !turnsRight(hull.get(hull.size() - 2), hull.getLast(), p)) {
                hull.removeLast();
            }
            hull.add(p);
        }
        int best = 0;
        for (int i = 1; i < hull.size(); i++) {
            if (hull.get(i).quality() > hull.get(best).quality()) {
                best = i;
            }
        }
        return List.copyOf(hull.subList(0, best + 1));
    }

    /** True when b lies strictly above the chord a→c, so b stays on the upper hull. */
    private static boolean turnsRight(CostQuality a, CostQuality b, CostQuality c) {
        double cross = (b.cost() - a.cost()) * (c.quality() - a.quality())
                - (b.quality() - a.quality()) * (c.cost() - a.cost());
        return cross < 0;
    }

    /** The area under the line a→b restricted to [lo, hi]. */
    private static double segmentArea(CostQuality a, CostQuality b, double lo, double hi) {
        double x1 = Math.max(a.cost(), lo);
        double x2 = Math.min(b.cost(), hi);
        if (!(x2 > x1)) {
            return 0;
        }
        return (x2 - x1) * (line(a, b, x1) + line(a, b, x2)) / 2;
    }

    private static double line(CostQuality a, CostQuality b, double x) {
        return a.quality() + (b.quality() - a.quality()) * (x - a.cost()) / (b.cost() - a.cost());
    }

    private static double valueAt(List<CostQuality> hull, double c) {
        if (c < hull.getFirst().cost()) {
            return 0;
        }
        for (int i = 1; i < hull.size(); i++) {
            if (c <= hull.get(i).cost()) {
                return line(hull.get(i - 1), hull.get(i), c);
            }
        }
        return hull.getLast().quality();
    }
}
