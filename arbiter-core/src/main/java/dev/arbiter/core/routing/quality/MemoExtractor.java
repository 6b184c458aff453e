package dev.arbiter.core.routing.quality;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Extracts every prompt of a data set once up front, so cross-validation folds do not redo it (read-only after). */
final class MemoExtractor implements FeatureExtractor {
    private final FeatureExtractor delegate;
    private final Map<String, RequestFeatures> byPrompt = new HashMap<>();

    MemoExtractor(FeatureExtractor delegate, List<OutcomeRow> rows) {
        this.delegate = delegate;
        for (OutcomeRow r : rows) {
            byPrompt.computeIfAbsent(r.prompt(), delegate::extract);
        }
    }

    @Override
    public RequestFeatures extract(ChatRequest request) {
        return delegate.extract(request);
    }

    @Override
    public RequestFeatures extract(String prompt) {
        RequestFeatures f = byPrompt.get(prompt);
        return f != null ? f : delegate.extract(prompt);
    }
}
