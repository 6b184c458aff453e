package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RoutingInput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.Locale;

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

    private Candidates() {
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
