package dev.arbiter.core.router;

import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.TaskType;
import java.util.regex.Pattern;

/**
 * The quality bar and cost cap for one request. Bar precedence, first set wins: the {@code x-arbiter-quality-bar}
 * header, the route's bar for the task type, the route's bar, the routing section's bar for the task type, the
 * routing section's default. Cap: the {@code x-arbiter-max-cost-usd} header, else the route's {@code max_cost_usd}.
 */
final class RequestSettings {
    static final String QUALITY_BAR_HEADER = "x-arbiter-quality-bar";
    static final String MAX_COST_HEADER = "x-arbiter-max-cost-usd";
    /** Plain decimal notation only: Java's parser would also take "NaN", "Infinity", hex and "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private RequestSettings() {
    }

    static PolicySettings resolve(RouteSpec spec, RoutingConfig routing, TaskType task, RequestMeta meta) {
        Double headerBar = number(meta, QUALITY_BAR_HEADER, 0, 1, "a number between 0 and 1 (e.g. 0.85)");
        double bar;
        if (headerBar != null) {
            bar = headerBar;
        } else if (spec.qualityBars().containsKey(task)) {
            bar = spec.qualityBars().get(task);
        } else if (spec.qualityBar() != null) {
            bar = spec.qualityBar();
        } else {
            bar = routing.qualityBars().getOrDefault(task, routing.defaultQualityBar());
        }
        Double headerCap = number(meta, MAX_COST_HEADER, 0, Double.MAX_VALUE, "a non-negative number of USD (e.g. 0.01)");
        return new PolicySettings(bar, headerCap != null ? headerCap : spec.maxCostUsd());
    }

    /** A header's number within [min, max], null when absent; anything else is a 400 naming the header. */
    private static Double number(RequestMeta meta, String header, double min, double max, String expected) {
        String raw = meta.header(header);
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!(value >= min && value <= max)) {
            throw ArbiterException.invalid(header, "The header " + header + " must be " + expected + ", got '"
                    + raw + "'.");
        }
        return value;
    }
}
