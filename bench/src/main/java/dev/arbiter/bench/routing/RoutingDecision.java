package dev.arbiter.bench.routing;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.quality.CatalogQuality;
import dev.arbiter.core.routing.quality.QualityProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * One routing decision as the gateway makes it for {@code model: "auto"}: extract features, featurise once for the
 * quality model, score every catalog model that passes the hard filters (context window, tools, vision, JSON) with
 * its pSuccess and expected cost, and let the policy rank them. Prices are turned into per-token doubles once, as a
 * gateway's catalog snapshot would.
 */
final class RoutingDecision {
    /** Answer length assumed for the expected cost (the replay engine's assumption too). */
    static final int EXPECTED_OUTPUT_TOKENS = 256;

    private final FeatureExtractor extractor;
    private final QualityProfile quality;
    private final RoutingPolicy policy;
    private final List<ModelEntry> catalog;
    private final double[] inputUsdPerToken;
    private final double[] outputUsdPerToken;
    private final PolicySettings settings;

    RoutingDecision(FeatureExtractor extractor, QualityProfile profile, List<ModelEntry> catalog,
                    RoutingPolicy policy, double qualityBar) {
        this.extractor = extractor;
        this.quality = CatalogQuality.build(profile, catalog);
        this.policy = policy;
        this.catalog = List.copyOf(catalog);
        this.inputUsdPerToken = new double[catalog.size()];
        this.outputUsdPerToken = new double[catalog.size()];
        for (int i = 0; i < catalog.size(); i++) {
            inputUsdPerToken[i] = catalog.get(i).price().input().doubleValue() / 1e6;
            outputUsdPerToken[i] = catalog.get(i).price().output().doubleValue() / 1e6;
        }
        this.settings = new PolicySettings(qualityBar, null);
    }

    Ranking decide(ChatRequest request) {
        RequestFeatures f = extractor.extract(request);
        QualityProfile.Prepared prepared = quality.prepare(f);
        List<Candidate> candidates = new ArrayList<>(catalog.size());
        for (int i = 0; i < catalog.size(); i++) {
            ModelEntry m = catalog.get(i);
            if (passes(m, f)) {
                double cost = f.inputTokens() * inputUsdPerToken[i]
                        + Math.min(f.maxOutputTokens(), EXPECTED_OUTPUT_TOKENS) * outputUsdPerToken[i];
                candidates.add(new Candidate(m.id(), prepared.pSuccess(m.id()), cost, Double.NaN));
            }
        }
        return policy.rank(new RoutingInput(f, candidates, settings));
    }

    RequestFeatures extract(ChatRequest request) {
        return extractor.extract(request);
    }

    private static boolean passes(ModelEntry m, RequestFeatures f) {
        return m.contextWindow() >= f.requiredContext()
                && (!f.hasTools() || m.supports(Capability.TOOLS))
                && (!f.hasImages() || m.supports(Capability.VISION))
                && (!f.wantsJson() || m.supports(Capability.JSON_OBJECT));
    }
}
