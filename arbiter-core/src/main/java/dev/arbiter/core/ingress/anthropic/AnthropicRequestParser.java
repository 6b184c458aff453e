package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Reasoning;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates a Messages API request body into the canonical request. {@code max_tokens} is required
 * (as Anthropic requires it); {@code temperature} and {@code top_p} must lie in 0..1; {@code top_k} becomes the
 * canonical top-k; {@code metadata.user_id} becomes {@code user}; {@code output_config.format} of type
 * {@code json_schema} becomes a strict JSON-schema response format; {@code thinking} and {@code output_config.effort}
 * become the canonical {@link Reasoning}; {@code service_tier} and every {@code cache_control} (top level, system,
 * tools, content blocks) are carried as they are. Every other parameter is refused naming it. A Token Counting
 * body ({@link #parseCount}) takes the same fields less those that only shape the answer.
 */
final class AnthropicRequestParser {
    private static final Set<String> TOP_LEVEL = Set.of("model", "max_tokens", "messages", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_p", "top_k", "tools", "tool_choice", "output_config",
            "thinking", "service_tier", "cache_control");
    /** The Token Counting API's fields (Anthropic's MessageCountTokensParams). */
    private static final Set<String> COUNT_TOP_LEVEL = Set.of("model", "messages", "system", "tools", "tool_choice",
            "output_config", "thinking", "cache_control");
    private static final Set<String> TOOL_FIELDS = Set.of("type", "name", "description", "input_schema", "strict", "cache_control");
    private static final Set<String> SERVICE_TIERS = Set.of("auto", "standard_only");
    /** The name an output_config schema gets: OpenAI-style upstreams require one. */
    static final String OUTPUT_SCHEMA_NAME = "output";

    private AnthropicRequestParser() {
    }

    static ChatRequest parse(byte[] body) {
        JsonNode root = root(body);
        Fields.onlyKnown(root, TOP_LEVEL, "");
        ChatRequest.Builder b = common(root)
                .maxTokens(Fields.integer(Fields.required(root, "max_tokens", "max_tokens"), "max_tokens", 1));
        sampling(root, b);
        metadata(root, b);
        JsonNode tier = Fields.optional(root, "service_tier");
        if (tier != null) {
            String value = Fields.string(tier, "service_tier");
            if (!SERVICE_TIERS.contains(value)) {
                throw ArbiterException.invalid("service_tier", "service_tier must be 'auto' or 'standard_only', got '" + value + "'");
            }
            b.serviceTier(value);
        }
        JsonNode stream = Fields.optional(root, "stream");
        boolean streamed = stream != null && Fields.bool(stream, "stream");
        return b.stream(streamed).includeUsage(streamed).build(); // Anthropic streams always report usage
    }

    /**
     * Parses a Token Counting API body ({@code POST /v1/messages/count_tokens}): the fields a count takes, validated
     * exactly as for a message; {@code max_tokens}, sampling, {@code stream}, {@code metadata} and
     * {@code service_tier} are not among them and are refused by name, as Anthropic refuses them.
     */
    static ChatRequest parseCount(byte[] body) {
        JsonNode root = root(body);
        for (var field : root.properties()) {
            String name = field.getKey();
            if (TOP_LEVEL.contains(name) && !COUNT_TOP_LEVEL.contains(name) && !field.getValue().isNull()) {
                throw ArbiterException.unsupported(name, name + " is not a Token Counting API parameter; a count takes "
                        + "model, messages, system, tools, tool_choice, thinking, output_config and cache_control");
            }
        }
        Fields.onlyKnown(root, COUNT_TOP_LEVEL, "");
        return common(root).build();
    }

    private static JsonNode root(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw ArbiterException.invalid(null, "the request body is not valid JSON (" + Json.syntaxProblem(e) + ")");
        }
        if (!root.isObject()) {
            throw ArbiterException.invalid(null, "the request body must be a JSON object");
        }
        return root;
    }

    /** What a message and a count share: model, system, messages, tools, output format, thinking and caching. */
    private static ChatRequest.Builder common(JsonNode root) {
        String model = Fields.string(Fields.required(root, "model", "model"), "model");
        if (model.isBlank()) {
            throw ArbiterException.invalid("model", "model must not be empty");
        }
        List<Message> messages = new ArrayList<>(AnthropicMessageParser.system(Fields.optional(root, "system")));
        messages.addAll(AnthropicMessageParser.messages(Fields.required(root, "messages", "messages")));
        ChatRequest.Builder b = ChatRequest.builder(model).messages(messages);
        tools(root, b);
        outputConfig(root, b);
        b.reasoning(AnthropicThinkingParser.parse(root));
        b.cache(CacheControls.read(root, ""));
        return b;
    }

    private static void sampling(JsonNode root, ChatRequest.Builder b) {
        JsonNode temperature = Fields.optional(root, "temperature");
        if (temperature != null) {
            b.temperature(Fields.number(temperature, "temperature", 0, 1));
        }
        JsonNode topP = Fields.optional(root, "top_p");
        if (topP != null) {
            b.topP(Fields.number(topP, "top_p", 0, 1));
        }
        JsonNode topK = Fields.optional(root, "top_k");
        if (topK != null) {
            b.topK(Fields.integer(topK, "top_k", 0));
        }
        JsonNode stops = Fields.optional(root, "stop_sequences");
        if (stops != null) {
            ArrayNode array = Fields.array(stops, "stop_sequences");
            List<String> stop = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                stop.add(Fields.string(array.get(i), "stop_sequences[" + i + "]"));
            }
            b.stop(stop);
        }
    }

    private static void tools(JsonNode root, ChatRequest.Builder b) {
        JsonNode tools = Fields.optional(root, "tools");
        if (tools != null) {
            ArrayNode array = Fields.array(tools, "tools");
            List<ToolDefinition> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(tool(Fields.object(array.get(i), "tools[" + i + "]"), "tools[" + i + "]"));
            }
            b.tools(out);
        }
        JsonNode choice = Fields.optional(root, "tool_choice");
        if (choice != null) {
            toolChoice(Fields.object(choice, "tool_choice"), b);
        }
    }

    private static ToolDefinition tool(ObjectNode tool, String at) {
        Fields.onlyKnown(tool, TOOL_FIELDS, at + ".");
        JsonNode type = Fields.optional(tool, "type");
        if (type != null && !"custom".equals(Fields.string(type, at + ".type"))) {
            throw ArbiterException.unsupported(at + ".type", "Anthropic server and client tools of type '" + type.asText()
                    + "' are not supported; define a custom tool with an input_schema");
        }
        String name = Fields.string(Fields.required(tool, "name", at + ".name"), at + ".name");
        JsonNode description = Fields.optional(tool, "description");
        ObjectNode schema = Fields.object(Fields.required(tool, "input_schema", at + ".input_schema"), at + ".input_schema");
        JsonNode strict = Fields.optional(tool, "strict");
        return new ToolDefinition(name, description == null ? null : Fields.string(description, at + ".description"),
                schema, strict == null ? null : Fields.bool(strict, at + ".strict"), CacheControls.read(tool, at + "."));
    }

    /** auto / any / tool{name} / none; disable_parallel_tool_use=true is OpenAI's parallel_tool_calls=false. */
    private static void toolChoice(ObjectNode choice, ChatRequest.Builder b) {
        Fields.onlyKnown(choice, Set.of("type", "name", "disable_parallel_tool_use"), "tool_choice.");
        String type = Fields.string(Fields.required(choice, "type", "tool_choice.type"), "tool_choice.type");
        b.toolChoice(switch (type) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> ToolChoice.REQUIRED;
            case "none" -> ToolChoice.NONE;
            case "tool" -> ToolChoice.function(Fields.string(Fields.required(choice, "name", "tool_choice.name"), "tool_choice.name"));
            default -> throw ArbiterException.invalid("tool_choice.type",
                    "tool_choice.type must be auto, any, tool or none, got '" + type + "'");
        });
        JsonNode serial = Fields.optional(choice, "disable_parallel_tool_use");
        if (serial != null && Fields.bool(serial, "tool_choice.disable_parallel_tool_use")) {
            b.parallelToolCalls(false);
        }
    }

    private static void metadata(JsonNode root, ChatRequest.Builder b) {
        JsonNode metadata = Fields.optional(root, "metadata");
        if (metadata != null) {
            Fields.onlyKnown(Fields.object(metadata, "metadata"), Set.of("user_id"), "metadata.");
            JsonNode userId = Fields.optional(metadata, "user_id");
            if (userId != null) {
                b.user(Fields.string(userId, "metadata.user_id"));
            }
        }
    }

    private static void outputConfig(JsonNode root, ChatRequest.Builder b) {
        JsonNode config = Fields.optional(root, "output_config");
        if (config == null) {
            return;
        }
        Fields.onlyKnown(Fields.object(config, "output_config"), Set.of("format", "effort"), "output_config.");
        JsonNode format = Fields.optional(config, "format");
        if (format == null) {
            return;
        }
        Fields.onlyKnown(Fields.object(format, "output_config.format"), Set.of("type", "schema"), "output_config.format.");
        String type = Fields.string(Fields.required(format, "type", "output_config.format.type"), "output_config.format.type");
        if (!"json_schema".equals(type)) {
            throw ArbiterException.invalid("output_config.format.type", "output_config.format.type must be json_schema, got '" + type + "'");
        }
        ObjectNode schema = Fields.object(Fields.required(format, "schema", "output_config.format.schema"), "output_config.format.schema");
        // Anthropic's structured outputs are constrained decoding: the nearest canonical form is a strict schema.
        b.responseFormat(ResponseFormat.jsonSchema(OUTPUT_SCHEMA_NAME, schema, true));
    }
}
