package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.util.List;
import java.util.Set;

/**
 * Builds the Messages API request body from a canonical request, refusing (400, naming the field) what
 * Anthropic cannot express.
 *
 * <p>Decisions: {@code max_tokens} is required by Anthropic, so an absent one becomes {@value #DEFAULT_MAX_TOKENS}.
 * {@code response_format} is emulated with a forced tool named {@value AnthropicWire#JSON_TOOL} whose input schema
 * is the requested schema (its {@code strict} flag carried as the tool's); the decoders turn that tool's input
 * back into message text. Of the {@code extra} fields only {@code top_k} (an Anthropic parameter an OpenAI-format
 * caller may pass through) is sent; any other is refused. A tool definition's {@code strict} flag is sent as
 * Anthropic's strict tool use. Anthropic-born settings travel exactly as a Claude client sent them: top-k,
 * {@code thinking} and {@code output_config.effort} (see {@link AnthropicThinking}), {@code service_tier}, and
 * {@code cache_control} at the top level and on each tool.
 */
final class AnthropicRequestEncoder {
    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final Set<String> ANTHROPIC_EXTRA = Set.of("top_k");

    private AnthropicRequestEncoder() {
    }

    static ObjectNode encode(ChatRequest r) {
        rejectInexpressible(r);
        AnthropicMessageEncoder.Encoded messages = AnthropicMessageEncoder.encode(r.messages());
        ObjectNode body = Json.object();
        body.put("model", r.model());
        body.put("max_tokens", r.maxTokens() == null ? DEFAULT_MAX_TOKENS : r.maxTokens());
        if (!messages.system().isEmpty()) {
            body.set("system", messages.system());
        }
        body.set("messages", messages.messages());
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            body.put("top_p", r.topP());
        }
        if (r.topK() != null) {
            body.put("top_k", r.topK());
        }
        if (r.hasExtra()) {
            r.extra().properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        }
        AnthropicThinking.encode(r.reasoning(), body);
        if (r.serviceTier() != null) {
            body.put("service_tier", r.serviceTier());
        }
        if (r.cache() != null) {
            body.set("cache_control", AnthropicWire.cacheControl(r.cache()));
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            r.stop().forEach(stops::add);
        }
        if (r.responseFormat() != null && r.responseFormat().wantsJson()) {
            jsonMode(r, body);
        } else {
            tools(r, body);
        }
        if (r.user() != null) {
            body.putObject("metadata").put("user_id", r.user());
        }
        if (r.stream()) {
            body.put("stream", true);
        }
        return body;
    }

    private static void rejectInexpressible(ChatRequest r) {
        if (r.seed() != null) {
            throw ArbiterException.unsupported("seed", "Anthropic has no seed parameter, so sampling cannot be made reproducible");
        }
        if (!r.metadata().isEmpty()) {
            throw ArbiterException.unsupported("metadata", "Anthropic's metadata only takes a user id; send it as 'user' instead");
        }
        if (r.temperature() != null && (r.temperature() < 0 || r.temperature() > 1)) {
            throw ArbiterException.unsupported("temperature", "Anthropic accepts temperature from 0 to 1, got " + r.temperature());
        }
        if (r.maxTokens() != null && r.maxTokens() < 1) {
            throw ArbiterException.invalid("max_tokens", "max_tokens must be at least 1, got " + r.maxTokens());
        }
        if (r.hasExtra()) {
            for (var field : r.extra().properties()) {
                String name = field.getKey();
                if (!ANTHROPIC_EXTRA.contains(name)) {
                    throw ArbiterException.unsupported(name, "Anthropic's Messages API has no '" + name + "' parameter");
                }
                if (name.equals("top_k") && r.topK() != null) {
                    throw ArbiterException.invalid("top_k", "top_k is given both as a request field and as an extra field; give it once");
                }
            }
        }
    }

    private static void tools(ChatRequest r, ObjectNode body) {
        ToolChoice choice = r.toolChoice();
        if (r.tools().isEmpty()) {
            if (choice != null && choice.forcesCall()) {
                throw ArbiterException.invalid("tool_choice", "tool_choice forces a tool call but no tools were given");
            }
            return; // without tools, auto/none and the parallel-calls flag have nothing to act on
        }
        body.set("tools", toolDefinitions(r.tools()));
        ObjectNode wireChoice = toolChoice(choice, r.parallelToolCalls());
        if (wireChoice != null) {
            body.set("tool_choice", wireChoice);
        }
    }

    private static ArrayNode toolDefinitions(List<ToolDefinition> tools) {
        ArrayNode out = Json.array();
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tools.get(i);
            if (AnthropicWire.JSON_TOOL.equals(tool.name())) {
                throw ArbiterException.unsupported("tools[" + i + "].function.name", "the tool name '" + AnthropicWire.JSON_TOOL
                        + "' is reserved for JSON mode on Anthropic; rename the tool");
            }
            out.add(AnthropicWire.withCache(tool(tool.name(), tool.description(), tool.parameters(), tool.strict()), tool.cache()));
        }
        return out;
    }

    private static ObjectNode tool(String name, String description, JsonNode schema, Boolean strict) {
        ObjectNode out = Json.object().put("name", name);
        if (description != null) {
            out.put("description", description);
        }
        // Anthropic requires an input schema; a function without parameters takes an empty object.
        out.set("input_schema", schema != null ? schema : Json.object().put("type", "object").set("properties", Json.object()));
        if (Boolean.TRUE.equals(strict)) {
            out.put("strict", true);
        }
        return out;
    }

    /** auto / any (OpenAI's required) / tool{name} / none; parallel_tool_calls=false becomes disable_parallel_tool_use. */
    private static ObjectNode toolChoice(ToolChoice choice, Boolean parallel) {
        boolean serial = Boolean.FALSE.equals(parallel);
        if (choice == null && !serial) {
            return null;
        }
        ToolChoice.Mode mode = choice == null ? ToolChoice.Mode.AUTO : choice.mode();
        ObjectNode out = Json.object();
        switch (mode) {
            case NONE -> {
                return out.put("type", "none"); // no calls at all, so the parallel flag does not apply
            }
            case AUTO -> out.put("type", "auto");
            case REQUIRED -> out.put("type", "any");
            case FUNCTION -> out.put("type", "tool").put("name", choice.functionName());
        }
        if (serial) {
            out.put("disable_parallel_tool_use", true);
        }
        return out;
    }

    private static void jsonMode(ChatRequest r, ObjectNode body) {
        if (!r.tools().isEmpty() || (r.toolChoice() != null && r.toolChoice().forcesCall())) {
            throw ArbiterException.unsupported("response_format", "on Anthropic, JSON output is produced by a forced tool"
                    + " call, so response_format cannot be combined with tools or a forced tool_choice");
        }
        ResponseFormat rf = r.responseFormat();
        ObjectNode schema = rf.schema() != null ? rf.schema() : Json.object().put("type", "object");
        JsonNode type = schema.get("type");
        if (type != null && !"object".equals(type.asText())) {
            throw ArbiterException.unsupported("response_format.json_schema.schema",
                    "on Anthropic the JSON schema's root must be an object, got type " + type);
        }
        String description = rf.type() == ResponseFormat.Type.JSON_SCHEMA && rf.name() != null
                ? "Give the final answer as this tool's input: a JSON object matching the '" + rf.name() + "' schema."
                : "Give the final answer as this tool's input: a JSON object.";
        body.putArray("tools").add(tool(AnthropicWire.JSON_TOOL, description, schema, rf.strict()));
        body.putObject("tool_choice").put("type", "tool").put("name", AnthropicWire.JSON_TOOL);
    }
}
