package dev.arbiter.core.pipeline;

import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.EventStream;

/** What the pipeline produced: a whole answer or a stream still to be read. Failures are ArbiterExceptions. */
public sealed interface Outcome {
    record Completed(ChatResponse response) implements Outcome {
    }

    record Streaming(EventStream stream) implements Outcome {
    }
}
