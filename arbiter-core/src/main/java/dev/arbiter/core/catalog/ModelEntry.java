package dev.arbiter.core.catalog;

import dev.arbiter.core.chat.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model Arbiter can route to: its id ({@code vendor/name}), aliases, the provider that serves it and the
 * upstream's own name for it, price, context window, maximum output, capabilities, the vendor and the
 * jurisdiction its data goes to, benchmark scores (keys such as {@code swe_bench_verified}, {@code gpqa_diamond},
 * {@code arc_agi_2}, {@code osworld}) used by routing when no outcome data covers the model, its life-cycle
 * stage (routing skips deprecated and retired models), and its deployments: where it is served (one or more
 * provider + upstream model pairs the reliability stages balance over). A model declared with one provider has
 * exactly one deployment; {@code provider} and {@code upstreamModel} are always the first deployment's.
 * {@code price} is the base price; {@code priceChanges} says when it changed (see {@link #priceAt}).
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
        Lifecycle lifecycle,
        List<Deployment> deployments,
        PriceSchedule priceChanges) {

    public ModelEntry {
        priceChanges = priceChanges == null ? PriceSchedule.NONE : priceChanges;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        benchmarks = benchmarks == null ? Map.of() : Map.copyOf(benchmarks);
        lifecycle = lifecycle == null ? Lifecycle.ACTIVE : lifecycle;
        if (deployments == null || deployments.isEmpty()) {
            deployments = provider == null || upstreamModel == null ? List.of() : List.of(Deployment.of(provider, upstreamModel));
        } else {
            deployments = List.copyOf(deployments);
            provider = deployments.getFirst().provider();
            upstreamModel = deployments.getFirst().upstreamModel();
        }
    }

    /** A model whose price never changed. */
    public ModelEntry(String id, List<String> aliases, String provider, String upstreamModel, Price price,
                      int contextWindow, Integer maxOutputTokens, Set<Capability> capabilities, String vendor,
                      String jurisdiction, Map<String, BenchmarkScore> benchmarks, Lifecycle lifecycle,
                      List<Deployment> deployments) {
        this(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens, capabilities, vendor,
                jurisdiction, benchmarks, lifecycle, deployments, PriceSchedule.NONE);
    }

    /** An active model served by one provider under one upstream name (the original shape). */
    public ModelEntry(String id, List<String> aliases, String provider, String upstreamModel, Price price,
                      int contextWindow, Integer maxOutputTokens, Set<Capability> capabilities, String vendor,
                      String jurisdiction, Map<String, BenchmarkScore> benchmarks) {
        this(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens, capabilities, vendor,
                jurisdiction, benchmarks, Lifecycle.ACTIVE, List.of());
    }

    /** The price in force at {@code at}: the latest price change started by then, else the base {@link #price}. */
    public Price priceAt(Instant at) {
        return priceChanges.at(at, price);
    }

    /** The exact cost of {@code usage} at the price in force at {@code at}; zero without a price or usage. */
    public BigDecimal costAt(Instant at, Usage usage) {
        Price inForce = priceAt(at);
        return inForce == null || usage == null ? BigDecimal.ZERO : inForce.cost(usage);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability)
                || capability == Capability.JSON_OBJECT && capabilities.contains(Capability.JSON_SCHEMA);
    }

    /** The same model served by another provider under another upstream name (used by the sandbox). */
    public ModelEntry servedBy(String newId, String newProvider, String newUpstreamModel) {
        return new ModelEntry(newId, List.of(), newProvider, newUpstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle, List.of(), priceChanges);
    }

    public ModelEntry withAliases(List<String> newAliases) {
        return new ModelEntry(id, newAliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle, deployments, priceChanges);
    }

    public ModelEntry withLifecycle(Lifecycle newLifecycle) {
        return new ModelEntry(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, newLifecycle, deployments, priceChanges);
    }

    public ModelEntry withPriceChanges(PriceSchedule newChanges) {
        return new ModelEntry(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle, deployments, newChanges);
    }

    /** The same model served by these deployments instead (the first one becomes {@code provider}/{@code upstreamModel}). */
    public ModelEntry withDeployments(List<Deployment> newDeployments) {
        return new ModelEntry(id, aliases, provider, upstreamModel, price, contextWindow, maxOutputTokens,
                capabilities, vendor, jurisdiction, benchmarks, lifecycle, newDeployments, priceChanges);
    }
}
