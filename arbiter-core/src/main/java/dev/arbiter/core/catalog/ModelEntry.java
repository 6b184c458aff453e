package dev.arbiter.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model Arbiter can route to: its id ({@code vendor/name}), aliases, the provider that serves it and the
 * upstream's own name for it, price, context window, maximum output, capabilities, the vendor and the
 * jurisdiction its data goes to, benchmark scores (keys such as {@code swe_bench_verified}, {@code gpqa_diamond},
 * {@code arc_agi_2}, {@code osworld}) used by routing when no outcome data covers the model, and its life-cycle
 * stage (routing skips deprecated and retired models).
 */
public record ModelEntry(
        String id,
        List<String> aliases,
        String provider,
        String upstreamModel,
        Price price,
        int contextWindow,
        Integer maxOutputTokens,
        Set<Capability> capabilities,
        String vendor,
        String jurisdiction,
        Map<String, BenchmarkScore> benchmarks,
        Lifecycle lifecycle) {

    public ModelEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        benchmarks = benchmarks == null ? Map.of() : Map.copyOf(benchmarks);
        lifecycle = lifecycle == null ? Lifecycle.ACTIVE : lifecycle;
    }

    /** An active model (the shape before life-cycle stages existed). */
    public ModelEntry(String id, List<String> aliases, String provider, String upstreamModel, Price price,
                      int contextWindow, Integer maxOutputTokens, Set<Capability> capabilities, String vendor,
                      String jurisdiction, Map<String, BenchmarkScore> benchmarks) {
        this(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens, capabilities, vendor,
                jurisdiction, benchmarks, Lifecycle.ACTIVE);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability)
                || capability == Capability.JSON_OBJECT && capabilities.contains(Capability.JSON_SCHEMA);
    }

    /** The same model served by another provider under another upstream name (used by the sandbox). */
    public ModelEntry servedBy(String newId, String newProvider, String newUpstreamModel) {
        return new ModelEntry(newId, List.of(), newProvider, newUpstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle);
    }

    public ModelEntry withAliases(List<String> newAliases) {
        return new ModelEntry(id, newAliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle);
    }

    public ModelEntry withLifecycle(Lifecycle newLifecycle) {
        return new ModelEntry(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, newLifecycle);
    }
}
