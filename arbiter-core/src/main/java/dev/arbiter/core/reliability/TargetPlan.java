package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The order in which one request tries models: the router's ranking, then each ranked model's {@code fallbacks}
 * (skipping models that cannot serve the request). A context overflow jumps to a larger-context model (the failed
 * model's {@code context_window_fallbacks} first) and rules out every model no larger than the one that overflowed;
 * a content-policy refusal jumps to the failed model's {@code content_policy_fallbacks}.
 */
final class TargetPlan {
    private final List<ModelEntry> order;
    private final ReliabilityConfig config;
    private final Function<String, Optional<ModelEntry>> lookup;
    private final Predicate<ModelEntry> eligible;
    private final Set<String> tried = new HashSet<>();
    private ModelEntry jumpTo;
    private int overflowedAt;

    TargetPlan(List<ModelEntry> ranked, ReliabilityConfig config, Function<String, Optional<ModelEntry>> lookup,
               Predicate<ModelEntry> eligible) {
        this.config = config;
        this.lookup = lookup;
        this.eligible = eligible;
        Map<String, ModelEntry> ordered = new LinkedHashMap<>();
        ranked.forEach(m -> ordered.putIfAbsent(m.id(), m));
        for (ModelEntry m : ranked) {
            for (ModelEntry f : resolve(config.forModel(m.id()).fallbacks())) {
                ordered.putIfAbsent(f.id(), f);
            }
        }
        this.order = List.copyOf(ordered.values());
    }

    /** Every target in planned order (the router's ranking, then fallbacks). */
    List<ModelEntry> order() {
        return order;
    }

    /** The next model to try, or null when none is left. */
    ModelEntry next() {
        ModelEntry m = jumpTo;
        jumpTo = null;
        if (m == null) {
            m = order.stream().filter(this::open).findFirst().orElse(null);
        }
        if (m != null) {
            tried.add(m.id());
        }
        return m;
    }

    /** After {@code failed} overflowed its context window: true when a larger model is next. */
    boolean preferLargerContext(ModelEntry failed) {
        overflowedAt = Math.max(overflowedAt, failed.contextWindow());
        List<ModelEntry> candidates = new ArrayList<>(resolve(config.forModel(failed.id()).contextWindowFallbacks()));
        candidates.addAll(order);
        jumpTo = candidates.stream().filter(this::open).findFirst().orElse(null);
        return jumpTo != null;
    }

    /** After {@code failed} refused on content policy: true when its configured alternative is next. */
    boolean preferPolicyAlternative(ModelEntry failed) {
        jumpTo = resolve(config.forModel(failed.id()).contentPolicyFallbacks()).stream()
                .filter(this::open).findFirst().orElse(null);
        return jumpTo != null;
    }

    boolean hasPolicyAlternative(ModelEntry model) {
        return resolve(config.forModel(model.id()).contentPolicyFallbacks()).stream().anyMatch(this::open);
    }

    private boolean open(ModelEntry m) {
        return !tried.contains(m.id()) && m.contextWindow() > overflowedAt;
    }

    private List<ModelEntry> resolve(List<String> ids) {
        List<ModelEntry> out = new ArrayList<>();
        for (String id : ids) {
            lookup.apply(id).filter(eligible).ifPresent(out::add);
        }
        return out;
    }
}
