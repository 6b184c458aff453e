package dev.arbiter.core.ingress.openai;

import static dev.arbiter.core.ingress.openai.Fields.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Chat Completions request body into the canonical request, validating as OpenAI does and naming the
 * offending parameter. The deprecated {@code functions}/{@code function_call} are refused (400 naming them)
 * rather than translated: a legacy client would get {@code tool_calls} back, which it cannot read.
 */
final class OpenAiRequestParser {
    private static final Set<String> MODELLED = Set.of("model", "messages", "tools", "tool_choice",
            "parallel_tool_calls", "response_format", "max_tokens", "max_completion_tokens", "temperature", "top_p",
            "stop", "seed", "user", "metadata", "stream", "stream_options", "functions", "function_call");
    private static final int MAX_STOP = 4;
    private static final int MAX_METADATA = 16;

    private OpenAiRequestParser() {
    }

    static ChatRequest parse(byte[] body) {
        ObjectNode root = root(body);
        String model = Fields.requiredString(root, "model", null);
        if (model.isBlank()) {
            throw Fields.invalid("model", "the model name is empty.");
        }
        rejectDeprecated(root);
        List<ToolDefinition> tools = OpenAiToolParser.tools(Fields.array(root, "tools", null));
        ChatRequest.Builder b = ChatRequest.builder(model)
                .messages(OpenAiMessageParser.parse(get(root, "messages")))
                .tools(tools)
                .toolChoice(OpenAiToolParser.toolChoice(get(root, "tool_choice"), tools))
                .parallelToolCalls(Fields.bool(root, "parallel_tool_calls", null))
                .responseFormat(OpenAiToolParser.responseFormat(Fields.object(root, "response_format", null)))
                .maxTokens(maxTokens(root))
                .temperature(Fields.number(root, "temperature", null, 0, 2))
                .topP(Fields.number(root, "top_p", null, 0, 1))
                .stop(stop(get(root, "stop")))
                .seed(Fields.integer(root, "seed", null, Long.MIN_VALUE, Long.MAX_VALUE))
                .user(Fields.string(root, "user", null))
                .metadata(metadata(Fields.object(root, "metadata", null)));
        ObjectNode extra = OpenAiPassThrough.extra(root, MODELLED);
        return streaming(root, b, extra).build();
    }

    private static ObjectNode root(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request body is empty; expected a JSON object.",
                    null, "invalid_json", null);
        }
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request body is not valid JSON ("
                    + Json.syntaxProblem(e) + ").", null, "invalid_json", null);
        }
        if (root == null || !root.isObject()) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request body must be a JSON object.",
                    null, "invalid_json", null);
        }
        return (ObjectNode) root;
    }

    private static void rejectDeprecated(ObjectNode root) {
        if (get(root, "functions") != null) {
            throw Fields.unsupported("functions", "'functions' is deprecated; declare them in 'tools' (type \"function\").");
        }
        if (get(root, "function_call") != null) {
            throw Fields.unsupported("function_call", "'function_call' is deprecated; use 'tool_choice'.");
        }
    }

    /** {@code max_completion_tokens} and its deprecated alias {@code max_tokens}; both may be given only if equal. */
    private static Integer maxTokens(ObjectNode root) {
        Long completion = Fields.integer(root, "max_completion_tokens", null, 1, Integer.MAX_VALUE);
        Long legacy = Fields.integer(root, "max_tokens", null, 1, Integer.MAX_VALUE);
        if (completion != null && legacy != null && !completion.equals(legacy)) {
            throw Fields.invalid("max_completion_tokens", "it differs from 'max_tokens' (" + completion + " vs "
                    + legacy + "); send only 'max_completion_tokens'.");
        }
        Long value = completion != null ? completion : legacy;
        return value == null ? null : value.intValue();
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (!stop.isArray()) {
            throw Fields.typeError("stop", "a string or an array of strings", stop);
        }
        if (stop.size() > MAX_STOP) {
            throw Fields.invalid("stop", "expected at most " + MAX_STOP + " sequences, but got " + stop.size() + " instead.");
        }
        List<String> out = new ArrayList<>(stop.size());
        for (int i = 0; i < stop.size(); i++) {
            if (!stop.get(i).isTextual()) {
                throw Fields.typeError(Fields.path("stop", i), "a string", stop.get(i));
            }
            out.add(stop.get(i).asText());
        }
        return out;
    }

    /** At most 16 pairs; keys up to 64 characters, values strings up to 512, as OpenAI documents. */
    private static Map<String, String> metadata(ObjectNode metadata) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_METADATA) {
            throw Fields.invalid("metadata", "expected at most " + MAX_METADATA + " pairs, but got " + metadata.size() + ".");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
            String param = Fields.path("metadata", e.getKey());
            if (e.getKey().length() > 64) {
                throw Fields.invalid(param, "metadata keys are at most 64 characters.");
            }
            if (!e.getValue().isTextual()) {
                throw Fields.typeError(param, "a string", e.getValue());
            }
            if (e.getValue().asText().length() > 512) {
                throw Fields.invalid(param, "metadata values are at most 512 characters.");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /**
     * {@code stream} and {@code stream_options}: options need a stream; {@code include_usage} is modelled, any
     * other option (e.g. {@code include_obfuscation}) passes through in {@code extra.stream_options}.
     */
    private static ChatRequest.Builder streaming(ObjectNode root, ChatRequest.Builder b, ObjectNode extra) {
        boolean stream = Boolean.TRUE.equals(Fields.bool(root, "stream", null));
        ObjectNode options = Fields.object(root, "stream_options", null);
        boolean includeUsage = false;
        if (options != null) {
            if (!stream) {
                throw Fields.invalid("stream_options", "'stream_options' is only allowed when 'stream' is true.");
            }
            includeUsage = Boolean.TRUE.equals(Fields.bool(options, "include_usage", "stream_options"));
            ObjectNode others = options.deepCopy();
            others.remove("include_usage");
            if (!others.isEmpty()) {
                extra = extra == null ? Json.object() : extra;
                extra.set("stream_options", others);
            }
        }
        return b.stream(stream).includeUsage(includeUsage).extra(extra);
    }
}
