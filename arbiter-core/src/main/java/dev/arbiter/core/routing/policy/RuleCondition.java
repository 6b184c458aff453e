package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingContext;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code when:} of one rule: every condition given must hold (absent ones do not constrain). Sets mean "any
 * of"; header and metadata maps mean "each key equals one of its values"; header_present means "all present".
 */
record RuleCondition(
        Set<String> routes,
        Set<TaskType> taskTypes,
        Map<String, Set<String>> headerEquals,
        Set<String> headersPresent,
        Map<String, Set<String>> metadataEquals,
        Integer inputTokensAbove,
        Integer inputTokensBelow,
        Boolean hasTools,
        Boolean hasImages,
        Boolean wantsJson,
        Set<String> languages) {

    static final RuleCondition ALWAYS = new RuleCondition(Set.of(), Set.of(), Map.of(), Set.of(), Map.of(),
            null, null, null, null, null, Set.of());

    boolean matches(RoutingInput input) {
        return matchesContext(input.context()) && matchesFeatures(input.features());
    }

    private boolean matchesContext(RoutingContext ctx) {
        if (!routes.isEmpty() && !in(routes, ctx.route())) {
            return false;
        }
        for (String name : headersPresent) {
            if (ctx.header(name) == null) {
                return false;
            }
        }
        for (Map.Entry<String, Set<String>> h : headerEquals.entrySet()) {
            if (!in(h.getValue(), ctx.header(h.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, Set<String>> m : metadataEquals.entrySet()) {
            if (!in(m.getValue(), ctx.metadata().get(m.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesFeatures(RequestFeatures f) {
        if (f == null) {
            return taskTypes.isEmpty() && languages.isEmpty() && inputTokensAbove == null && inputTokensBelow == null
                    && hasTools == null && hasImages == null && wantsJson == null;
        }
        return (taskTypes.isEmpty() || taskTypes.contains(f.taskType()))
                && (languages.isEmpty() || in(languages, f.language()))
                && (inputTokensAbove == null || f.inputTokens() > inputTokensAbove)
                && (inputTokensBelow == null || f.inputTokens() < inputTokensBelow)
                && (hasTools == null || hasTools == f.hasTools())
                && (hasImages == null || hasImages == f.hasImages())
                && (wantsJson == null || wantsJson == f.wantsJson());
    }

    // Set.of(...).contains(null) throws; an absent route, header or language simply does not match.
    private static boolean in(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    /** The condition keys a {@code when:} mapping may hold, as the docs list them. */
    static final List<String> KEYS = List.of("route", "task_type", "header", "header_present", "metadata",
            "input_tokens_gt", "input_tokens_lt", "has_tools", "has_images", "wants_json", "language");
}
