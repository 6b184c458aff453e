package dev.arbiter.bench.routing;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.features.FeatureExtractors;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.quality.QualityProfile;
import java.util.Locale;

/**
 * Prints what the benchmark decides on: per request of the mix, its token count, task type, difficulty and the
 * chosen model ({@code --embeddings} to use the embedding extractor). A sanity check before quoting latencies.
 */
public final class PromptStats {
    private PromptStats() {
    }

    public static void main(String[] args) {
        boolean embeddings = args.length > 0 && args[0].equals("--embeddings");
        FeatureExtractor extractor = FeatureExtractors.forConfig(embeddings);
        RoutingDecision decision = new RoutingDecision(extractor, QualityProfile.shipped(),
                ConfigLoader.builtInCatalog(), Policies.byName(Policies.CHEAPEST_MEETING_BAR),
                RoutingDecisionBenchmark.QUALITY_BAR);
        for (String kind : RoutingPrompts.KINDS) {
            for (ChatRequest r : RoutingPrompts.requests(kind)) {
                RequestFeatures f = decision.extract(r);
                Ranking ranking = decision.decide(r);
                System.out.printf(Locale.ROOT, "%-18s %6d tokens  %-12s %-40s %s%n", kind, f.inputTokens(),
                        f.taskType().configName(), ranking.chosen().model(), ranking.reason());
            }
        }
    }
}
