package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RoutingInput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Orderings and wording the policies share, so every policy breaks ties and states its reasons alike. */
final class Candidates {
    /** Most likely to succeed first; at equal pSuccess the cheaper, then by name for a stable order. */
    static final Comparator<Candidate> MOST_LIKELY = Comparator.comparingDouble(Candidate::pSuccess).reversed()
            .thenComparingDouble(Candidate::expectedCostUsd)
            .thenComparing(Candidate::model);

    /** Cheapest first; at equal cost the likelier, then by name. */
    static final Comparator<Candidate> CHEAPEST_THEN_LIKELIEST = Comparator.comparingDouble(Candidate::expectedCostUsd)
            .thenComparing(Comparator.comparingDouble(Candidate::pSuccess).reversed())
            .thenComparing(Candidate::model);

    /**
     * Fastest expected latency first, unknown (NaN) latencies after every known one; at equal latency the
     * cheaper, then the likelier, then by name.
     */
    static final Comparator<Candidate> FASTEST = Comparator.comparingDouble(Candidate::expectedLatencyMs) // Double.compare puts NaN last
            .thenComparingDouble(Candidate::expectedCostUsd)
            .thenComparing(Comparator.comparingDouble(Candidate::pSuccess).reversed())
            .thenComparing(Candidate::model);

    private Candidates() {
    }

    /** Candidates split by a test, each side sorted by its own order (e.g. meeting the bar / below it). */
    record Split(List<Candidate> passing, List<Candidate> failing) {
        /** The passing candidates, then the failing ones: a policy's ranking. */
        List<Candidate> ranked() {
            List<Candidate> all = new ArrayList<>(passing);
            all.addAll(failing);
            return all;
        }
    }

    static Split split(List<Candidate> candidates, Predicate<Candidate> test,
                       Comparator<Candidate> passingOrder, Comparator<Candidate> failingOrder) {
        List<Candidate> passing = new ArrayList<>();
        List<Candidate> failing = new ArrayList<>();
        for (Candidate c : candidates) {
            (test.test(c) ? passing : failing).add(c);
        }
        passing.sort(passingOrder);
        failing.sort(failingOrder);
        return new Split(passing, failing);
    }

    static void requireSome(RoutingInput input) {
        if (input.candidates().isEmpty()) {
            throw new IllegalArgumentException("no candidates to rank");
        }
    }

    /** "gpt-4o (p=0.91, $0.0042)". */
    static String describe(Candidate c) {
        return c.model() + " (p=" + p(c.pSuccess()) + ", " + usd(c.expectedCostUsd()) + ")";
    }

    /** "gpt-4o (p=0.91, $0.0042, 350 ms)", or "latency unknown" when NaN. */
    static String describeWithLatency(Candidate c) {
        String latency = Double.isNaN(c.expectedLatencyMs())
                ? "latency unknown"
                : String.format(Locale.ROOT, "%.0f ms", c.expectedLatencyMs());
        return c.model() + " (p=" + p(c.pSuccess()) + ", " + usd(c.expectedCostUsd()) + ", " + latency + ")";
    }

    /** The first candidate serving {@code model}, or null when it was filtered out. */
    static Candidate find(List<Candidate> candidates, String model) {
        for (Candidate c : candidates) {
            if (c.model().equals(model)) {
                return c;
            }
        }
        return null;
    }

    /** The candidates other than {@code chosen}, ordered by {@code order}. */
    static List<Candidate> othersBy(List<Candidate> candidates, Candidate chosen, Comparator<Candidate> order) {
        List<Candidate> rest = new ArrayList<>(candidates);
        rest.remove(chosen);
        rest.sort(order);
        return rest;
    }

    static String p(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }

    /** Dollars to three significant digits, so sub-cent per-call costs stay readable. */
    static String usd(double usd) {
        if (!Double.isFinite(usd)) {
            return "$" + usd;
        }
        return "$" + new BigDecimal(usd).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
