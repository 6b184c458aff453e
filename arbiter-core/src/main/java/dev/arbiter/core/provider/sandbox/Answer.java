package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import java.util.List;

/** A planned answer, the same for the streamed and the non-streamed form: text or tool calls, why it ended, usage. */
record Answer(String text, List<ToolCall> toolCalls, FinishReason finishReason, Usage usage) {
    Answer {
        toolCalls = List.copyOf(toolCalls);
    }

    Message message() {
        List<ContentPart> content = text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text));
        return new Message(Role.ASSISTANT, content, toolCalls, null, null);
    }

    /** Output tokens the caller sees, i.e. without the hidden reasoning ones. */
    long visibleTokens() {
        return usage.outputTokens() - usage.reasoningTokens();
    }
}
