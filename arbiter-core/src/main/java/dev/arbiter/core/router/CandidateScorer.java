package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RequestFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the models that passed the filters into candidates: pSuccess from the prepared quality model, expected
 * cost from the catalog price at the request's input tokens and estimated output tokens, expected latency from
 * live stats (NaN when unknown).
 */
final class CandidateScorer {
    private CandidateScorer() {
    }

    static List<Candidate> score(List<ModelEntry> models, PreparedQuality quality, RequestFeatures features,
                                 Integer maxTokens, LiveLatency latency) {
        Usage usage = Usage.of(features.inputTokens(), OutputEstimate.tokens(maxTokens, features.taskType()));
        List<Candidate> out = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            double cost = m.price().cost(usage).doubleValue();
            out.add(new Candidate(m.id(), quality.pSuccess(m.id()), cost, latency.expectedMs(m.id())));
        }
        return out;
    }
}
