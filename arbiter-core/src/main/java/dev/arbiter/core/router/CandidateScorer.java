package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the models that passed the filters into candidates: pSuccess from the prepared quality model, expected
 * cost from the catalog price at the request's input tokens and estimated output tokens, expected latency from
 * live stats (time to first token for a stream, total latency otherwise; NaN when unknown).
 */
final class CandidateScorer {
    private CandidateScorer() {
    }

    static List<Candidate> score(List<ModelEntry> models, PreparedQuality quality, RequestFeatures features,
                                 ChatRequest request, LatencyStats latency) {
        Usage usage = Usage.of(features.inputTokens(), OutputEstimate.tokens(request.maxTokens(), features.taskType()));
        List<Candidate> out = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            double cost = m.price().cost(usage).doubleValue();
            double ms = request.stream() ? latency.expectedTtftMs(m.id()) : latency.expectedLatencyMs(m.id());
            out.add(new Candidate(m.id(), quality.pSuccess(m.id()), cost, ms));
        }
        return out;
    }
}
