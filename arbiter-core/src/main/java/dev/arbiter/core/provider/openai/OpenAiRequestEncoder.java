package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.Map;

/**
 * Builds the JSON body of a Chat Completions request from a canonical request. Reasoning becomes
 * {@code reasoning_effort} ({@link OpenAiReasoning}); top-k has no Chat Completions field and is refused naming
 * {@code top_k}. Cache breakpoints are not sent: OpenAI caches long prompt prefixes by itself, so the answer (and the
 * cached-token usage it reports) is the same without them. An Anthropic {@code service_tier} is not sent either: its
 * values ({@code auto}, {@code standard_only}) only permit or forbid Anthropic's priority capacity, and an
 * OpenAI-compatible upstream serves at its standard tier, which both values allow.
 */
final class OpenAiRequestEncoder {
    private final String maxTokensField;

    /** {@code maxTokensField} is {@code max_tokens} or {@code max_completion_tokens}, chosen by the codec. */
    OpenAiRequestEncoder(String maxTokensField) {
        this.maxTokensField = maxTokensField;
    }

    ObjectNode encode(ChatRequest request) {
        if (request.topK() != null) {
            throw ArbiterException.unsupported("top_k", "OpenAI's Chat Completions API has no top_k; omit it for this model");
        }
        ObjectNode body = Json.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            messages.add(OpenAiMessages.message(m));
        }
        encodeTools(request, body);
        encodeSampling(request, body);
        if (request.stream()) {
            body.put("stream", true);
            // Always: the gateway's ledger needs the usage chunk even when the caller did not ask for it.
            body.putObject("stream_options").put("include_usage", true);
        }
        mergeExtra(request, body);
        return body;
    }

    private static void encodeTools(ChatRequest request, ObjectNode body) {
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                tools.add(tool(tool));
            }
        }
        if (request.toolChoice() != null) {
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        if (request.parallelToolCalls() != null) {
            body.put("parallel_tool_calls", request.parallelToolCalls());
        }
    }

    private void encodeSampling(ChatRequest request, ObjectNode body) {
        if (request.responseFormat() != null) {
            body.set("response_format", responseFormat(request.responseFormat()));
        }
        if (request.maxTokens() != null) {
            body.put(maxTokensField, request.maxTokens());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        String effort = OpenAiReasoning.effort(request.reasoning());
        if (effort != null) {
            body.put("reasoning_effort", effort);
        }
        if (!request.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject("metadata");
            request.metadata().forEach(metadata::put);
        }
    }

    static ObjectNode tool(ToolDefinition tool) {
        ObjectNode out = Json.object().put("type", "function");
        ObjectNode function = out.putObject("function").put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            function.set("parameters", tool.parameters());
        }
        if (tool.strict() != null) {
            function.put("strict", tool.strict());
        }
        return out;
    }

    static JsonNode toolChoice(ToolChoice choice) {
        var text = Json.MAPPER.getNodeFactory();
        return switch (choice.mode()) {
            case AUTO -> text.textNode("auto");
            case NONE -> text.textNode("none");
            case REQUIRED -> text.textNode("required");
            case FUNCTION -> {
                ObjectNode out = Json.object().put("type", "function");
                out.putObject("function").put("name", choice.functionName());
                yield out;
            }
        };
    }

    static ObjectNode responseFormat(ResponseFormat format) {
        return switch (format.type()) {
            case TEXT -> Json.object().put("type", "text");
            case JSON_OBJECT -> Json.object().put("type", "json_object");
            case JSON_SCHEMA -> {
                ObjectNode out = Json.object().put("type", "json_schema");
                ObjectNode schema = out.putObject("json_schema");
                // OpenAI requires a name; a request that arrived in another format may not carry one.
                schema.put("name", format.name() == null ? "response" : format.name());
                if (format.schema() != null) {
                    schema.set("schema", format.schema());
                }
                if (format.strict() != null) {
                    schema.put("strict", format.strict());
                }
                yield out;
            }
        };
    }

    /**
     * Copies {@code extra} fields verbatim. A field Arbiter already wrote is a conflict the caller must
     * resolve, except {@code stream_options}, whose other options (e.g. {@code include_obfuscation}) merge in.
     */
    private static void mergeExtra(ChatRequest request, ObjectNode body) {
        if (!request.hasExtra()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : request.extra().properties()) {
            String name = field.getKey();
            JsonNode existing = body.get(name);
            if (existing == null) {
                body.set(name, field.getValue().deepCopy());
            } else if (name.equals("stream_options") && existing.isObject() && field.getValue().isObject()) {
                ObjectNode merged = ((ObjectNode) field.getValue()).deepCopy();
                merged.setAll((ObjectNode) existing);
                body.set(name, merged);
            } else {
                throw ArbiterException.invalid(name, "'" + name + "' is given both as a request field and as an extra "
                        + "pass-through field; give it once");
            }
        }
    }
}
