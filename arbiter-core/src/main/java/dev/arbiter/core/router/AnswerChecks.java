package dev.arbiter.core.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cheap checks a cascade runs on an answer before accepting it, in order: not empty (text or tool calls; tool
 * call arguments must be JSON), not cut by a content filter, long enough, valid JSON when the request asked for
 * JSON (with the JSON schema's top-level required keys), not a refusal, and matching the route's regex. Each
 * failure is a short code ({@code empty}, {@code not_json}, ...) that goes into the decision header.
 */
final class AnswerChecks {
    /** Openings of refusals (lower case, straight apostrophes), looked for near the start of an answer. */
    static final List<String> REFUSALS = List.of("i can't help with", "i cannot help with", "i can't assist with",
            "i cannot assist with", "i'm sorry, but i can't", "i'm sorry, but i cannot", "i am sorry, but i cannot",
            "i'm unable to", "i am unable to", "i won't be able to", "i'm not able to", "i am not able to",
            "as an ai language model", "i can't comply", "i cannot comply");
    private static final int REFUSAL_WINDOW = 300;

    private AnswerChecks() {
    }

    /** The first failed check's code, or empty when the answer passes. */
    static Optional<String> failure(CascadeOptions.Checks checks, ChatRequest request, ChatResponse response) {
        if (response.choices().isEmpty()) {
            return Optional.of("empty");
        }
        if (response.choices().getFirst().finishReason() == FinishReason.CONTENT_FILTER) {
            return Optional.of("content_filter");
        }
        Message message = response.message();
        if (!message.toolCalls().isEmpty()) {
            return message.toolCalls().stream().allMatch(AnswerChecks::jsonArguments)
                    ? Optional.empty() : Optional.of("tool_args");
        }
        String text = message.text().strip();
        if (text.isEmpty()) {
            return Optional.of("empty");
        }
        if (text.length() < checks.minLength()) {
            return Optional.of("too_short");
        }
        ResponseFormat format = request.responseFormat();
        if (checks.json() && format != null && format.wantsJson()) {
            Optional<String> json = json(text, format);
            if (json.isPresent()) {
                return json;
            }
        }
        if (checks.refusal() && isRefusal(text)) {
            return Optional.of("refusal");
        }
        if (checks.regex() != null && !checks.regex().matcher(text).find()) {
            return Optional.of("regex");
        }
        return Optional.empty();
    }

    private static Optional<String> json(String text, ResponseFormat format) {
        JsonNode node = parse(text);
        if (node == null || !node.isObject()) {
            return Optional.of("not_json");
        }
        if (format.type() == ResponseFormat.Type.JSON_SCHEMA && format.schema() != null) {
            for (JsonNode key : format.schema().path("required")) {
                if (!node.has(key.asText())) {
                    return Optional.of("missing_key");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isRefusal(String text) {
        String head = text.substring(0, Math.min(text.length(), REFUSAL_WINDOW)).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'');
        return REFUSALS.stream().anyMatch(head::contains);
    }

    private static boolean jsonArguments(ToolCall call) {
        String args = call.argumentsJson();
        return args == null || args.isBlank() || parse(args) != null;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
