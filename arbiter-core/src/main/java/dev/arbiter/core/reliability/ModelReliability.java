package dev.arbiter.core.reliability;

import java.util.List;

/**
 * A model's own reliability rules from the config: how to balance over its deployments, which models to try
 * after it fails ({@code fallbacks}), which to try when the prompt is too long for it
 * ({@code context_window_fallbacks}, else any later target with a larger window) and which when it refuses on
 * content policy ({@code content_policy_fallbacks}). Model ids, validated against the catalog at load.
 */
public record ModelReliability(Balancing balancing, List<String> fallbacks, List<String> contextWindowFallbacks,
                               List<String> contentPolicyFallbacks) {
    public static final ModelReliability DEFAULT = new ModelReliability(Balancing.WEIGHTED, List.of(), List.of(), List.of());

    public ModelReliability {
        balancing = balancing == null ? Balancing.WEIGHTED : balancing;
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        contextWindowFallbacks = contextWindowFallbacks == null ? List.of() : List.copyOf(contextWindowFallbacks);
        contentPolicyFallbacks = contentPolicyFallbacks == null ? List.of() : List.copyOf(contentPolicyFallbacks);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
