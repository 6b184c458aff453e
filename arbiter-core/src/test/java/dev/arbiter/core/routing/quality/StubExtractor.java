package dev.arbiter.core.routing.quality;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.Map;

/** A fixed, trivial extractor for tests: "code" in the prompt makes it coding, anything else chat. */
final class StubExtractor implements FeatureExtractor {
    @Override
    public RequestFeatures extract(ChatRequest request) {
        throw new UnsupportedOperationException("tests extract prompts only");
    }

    @Override
    public RequestFeatures extract(String prompt) {
        TaskType type = prompt.contains("code") ? TaskType.CODING : TaskType.CHAT;
        return new RequestFeatures(type, Map.of(type, 1.0), "en", prompt.split(" ").length, 0, false, false, false,
                prompt);
    }
}
