package dev.arbiter.core.router;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RoutingDecision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code x-arbiter-decision} header: one line of {@code key=value} pairs joined by {@code "; "}, e.g.
 * {@code task=coding; mix=coding:0.72,math:0.18; difficulty=1.32; bar=0.80; chosen=openai/gpt-5-mini (p=0.86,
 * $0.00041); runner_up=openai/gpt-5.4 (p=0.95, $0.0052); policy=cheapest-meeting-bar; filtered=2}. Optional keys:
 * {@code max_cost} (a cap was in force) and {@code tries} (cascade). A request that named a model says
 * {@code chosen=<id>; policy=pinned}. Values never contain {@code "; "}, so {@link #parse} splits safely.
 */
public final class DecisionHeader {
    /** The policy a direct (concrete model) request reports. */
    public static final String PINNED = "pinned";

    private DecisionHeader() {
    }

    public static String format(RoutingDecision d) {
        StringBuilder out = new StringBuilder(192);
        out.append("task=").append(d.taskType().configName()).append(d.taskForced() ? " (forced)" : "");
        out.append("; mix=").append(d.taskMix().stream()
                .map(s -> s.task().configName() + ":" + fixed(s.share()))
                .collect(Collectors.joining(",")));
        out.append("; difficulty=").append(fixed(d.difficulty()));
        out.append("; bar=").append(fixed(d.qualityBar()));
        if (d.settings().maxCostUsd() != null) {
            out.append("; max_cost=").append(usd(d.settings().maxCostUsd()));
        }
        out.append("; chosen=").append(describe(d.chosen()));
        out.append("; runner_up=").append(d.runnerUp() == null ? "none" : describe(d.runnerUp()));
        out.append("; policy=").append(d.policy());
        out.append("; filtered=").append(d.filtered().size());
        if (!d.tries().isEmpty()) {
            out.append("; tries=").append(d.tries().stream().map(t -> t.model() + ":" + t.outcome())
                    .collect(Collectors.joining(",")));
        }
        return out.toString();
    }

    /** The header for a request that named a concrete model. */
    public static String direct(String modelId) {
        return "chosen=" + modelId + "; policy=" + PINNED;
    }

    /** The header's pairs in order; a value is everything after the first {@code =} of its pair. */
    public static Map<String, String> parse(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : header.split("; ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** "openai/gpt-5-mini (p=0.86, $0.00041)". */
    static String describe(Candidate c) {
        return c.model() + " (p=" + fixed(c.pSuccess()) + ", " + usd(c.expectedCostUsd()) + ")";
    }

    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Dollars to three significant digits, so sub-cent costs stay readable. */
    static String usd(double usd) {
        if (!Double.isFinite(usd)) {
            return "$" + usd;
        }
        return "$" + new BigDecimal(usd).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
