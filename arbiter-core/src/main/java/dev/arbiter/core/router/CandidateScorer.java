package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.stats.LatencyStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the models that passed the filters into candidates: pSuccess from the prepared quality model, expected
 * cost from the catalog price in force now (price changes included, as the ledger will charge) at the request's
 * input tokens and estimated output tokens, expected latency from
 * live stats (time to first token for a stream, total latency otherwise; NaN when unknown).
 */
final class CandidateScorer {
    private CandidateScorer() {
    }

    static List<Candidate> score(List<ModelEntry> models, PreparedQuality quality, RequestFeatures features,
                                 ChatRequest request, LatencyStats latency, Instant now) {
        Usage usage = Usage.of(features.inputTokens(), OutputEstimate.tokens(request.maxTokens(), features.taskType()));
        List<Candidate> out = new ArrayList<>(models.size());
        for (ModelEntry m : models) {
            double cost = m.costAt(now, usage).doubleValue();
            double ms = request.stream() ? latency.expectedTtftMs(m.id()) : latency.expectedLatencyMs(m.id());
            out.add(new Candidate(m.id(), quality.pSuccess(m.id()), cost, ms));
        }
        return out;
    }
}
