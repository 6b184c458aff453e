package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides what the sandbox answers a request: a tool call or text (see the package documentation for the
 * rule), then applies stop sequences and max_tokens and counts usage. Everything but the tool-call id is a
 * pure function of the request.
 */
final class AnswerPlanner {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private AnswerPlanner() {
    }

    static Answer plan(ChatRequest request, SandboxModel model, String tag) {
        validate(request);
        long hash = RequestFingerprint.of(request);
        ToolDefinition tool = chooseTool(request);
        String content = tool != null ? arguments(tool) : text(request, tag, hash);
        FinishReason finish = tool != null ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        if (tool == null) {
            content = cutAtStop(content, request.stop());
        }
        int visible = TokenCounter.count(content);
        int reasoning = reasoningTokens(model, request.maxTokens(), visible, hash);
        if (request.maxTokens() != null && visible > request.maxTokens() - reasoning) {
            content = TokenCounter.truncate(content, request.maxTokens() - reasoning);
            visible = TokenCounter.count(content);
            finish = FinishReason.LENGTH;
        }
        Usage usage = new Usage(PromptTokens.count(request), visible + reasoning, 0, reasoning, 0);
        return tool == null
                ? new Answer(content, List.of(), finish, usage)
                : new Answer("", List.of(new ToolCall(callId(), tool.name(), content)), finish, usage);
    }

    private static void validate(ChatRequest request) {
        if (request.messages().isEmpty()) {
            throw ArbiterException.invalid("messages", "a request needs at least one message");
        }
        if (request.maxTokens() != null && request.maxTokens() < 1) {
            throw ArbiterException.invalid("max_tokens", "max_tokens must be at least 1, got " + request.maxTokens());
        }
        ToolChoice choice = request.toolChoice();
        if (choice != null && choice.forcesCall() && request.tools().isEmpty()) {
            throw ArbiterException.invalid("tool_choice", "tool_choice '" + choice.mode().name().toLowerCase(Locale.ROOT)
                    + "' needs at least one tool");
        }
        if (choice != null && choice.mode() == ToolChoice.Mode.FUNCTION && named(request, choice.functionName()) == null) {
            throw ArbiterException.invalid("tool_choice", "tool_choice names function '" + choice.functionName()
                    + "', which is not among the request's tools");
        }
    }

    /**
     * The tool to call, or null for a text answer. Never after a tool result (no endless tool loops); with
     * required or a named function otherwise always; with auto (the default) only right after a user message,
     * picking the first tool whose name the message mentions, else the first tool.
     */
    private static ToolDefinition chooseTool(ChatRequest request) {
        ToolChoice choice = request.toolChoice() == null ? ToolChoice.AUTO : request.toolChoice();
        Role lastRole = request.messages().getLast().role();
        if (request.tools().isEmpty() || choice.mode() == ToolChoice.Mode.NONE || lastRole == Role.TOOL) {
            return null;
        }
        return switch (choice.mode()) {
            case FUNCTION -> named(request, choice.functionName());
            case REQUIRED -> mentionedOrFirst(request);
            default -> lastRole == Role.USER ? mentionedOrFirst(request) : null;
        };
    }

    private static ToolDefinition mentionedOrFirst(ChatRequest request) {
        Message last = request.messages().getLast();
        String asked = last.role() == Role.USER ? last.text() : "";
        for (ToolDefinition tool : request.tools()) {
            if (asked.contains(tool.name())) {
                return tool;
            }
        }
        return request.tools().getFirst();
    }

    private static ToolDefinition named(ChatRequest request, String name) {
        return request.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static String arguments(ToolDefinition tool) {
        try {
            return Json.text(SchemaInstanceGenerator.instanceOf(
                    tool.parameters() != null ? tool.parameters() : Json.object().put("type", "object")));
        } catch (IllegalArgumentException e) {
            throw ArbiterException.invalid("tools", "the sandbox cannot fill in the parameters of tool '"
                    + tool.name() + "': " + e.getMessage());
        }
    }

    private static String text(ChatRequest request, String tag, long hash) {
        try {
            String text = AnswerTexts.compose(request, tag, hash);
            // Round-trip through UTF-8 so lone surrogates echoed from the question cannot break token splitting.
            return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ArbiterException.invalid("response_format", "the sandbox cannot produce JSON for this schema: "
                    + e.getMessage());
        }
    }

    /** The text before the earliest stop sequence, as an upstream would end it. */
    private static String cutAtStop(String text, List<String> stops) {
        int cut = text.length();
        for (String stop : stops) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return text.substring(0, cut);
    }

    /**
     * Hidden reasoning a reasoning model "spends": a fixed base plus twice the visible answer plus a little
     * request-dependent variety, and never more than half of max_tokens so the visible answer keeps room.
     */
    private static int reasoningTokens(SandboxModel model, Integer maxTokens, int visible, long hash) {
        if (!model.simulates().supports(Capability.REASONING)) {
            return 0;
        }
        int tokens = 24 + 2 * visible + (int) ((hash >>> 8) & 63);
        return maxTokens == null ? tokens : Math.min(tokens, maxTokens / 2);
    }

    private static String callId() {
        StringBuilder id = new StringBuilder("call_");
        for (int i = 0; i < 24; i++) {
            id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
