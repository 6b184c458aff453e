package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;

/**
 * Counts a request's input tokens the way OpenAI bills them, roughly: every message's text and tool calls plus a
 * small per-message framing, every tool's name, description and schema, a json_schema's schema, and a flat
 * 85 tokens per image (a low-detail image's price).
 */
final class PromptTokens {
    static final int TOKENS_PER_IMAGE = 85;
    private static final int PER_MESSAGE = 3;
    private static final int PER_TOOL = 8;
    private static final int REPLY_PRIMING = 3;

    private PromptTokens() {
    }

    static long count(ChatRequest request) {
        long total = REPLY_PRIMING;
        for (Message message : request.messages()) {
            total += PER_MESSAGE + TokenCounter.count(message.name());
            for (ContentPart part : message.content()) {
                total += part instanceof ContentPart.Text t ? TokenCounter.count(t.text()) : TOKENS_PER_IMAGE;
            }
            for (ToolCall call : message.toolCalls()) {
                total += TokenCounter.count(call.name()) + TokenCounter.count(call.argumentsJson());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            total += PER_TOOL + TokenCounter.count(tool.name()) + TokenCounter.count(tool.description());
            total += tool.parameters() == null ? 0 : TokenCounter.count(tool.parameters().toString());
        }
        if (request.responseFormat() != null && request.responseFormat().schema() != null) {
            total += TokenCounter.count(request.responseFormat().schema().toString());
        }
        return total;
    }
}
