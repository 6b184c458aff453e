package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;

/**
 * Builds the JSON body of a Gemini {@code generateContent} / {@code streamGenerateContent} request from a canonical
 * request, refusing what Gemini cannot express.
 *
 * <p>Not sent, on purpose: {@code user} and {@code metadata} are OpenAI attribution fields that Arbiter's own ledger
 * records, not instructions to the model, so they neither travel nor fail the request; {@code stream} and
 * {@code include_usage} are expressed by the endpoint (Gemini always reports usage); a tool's {@code strict} flag and
 * a response format's {@code name}/{@code strict} have no Gemini field (Gemini decodes structured output against the
 * schema anyway). Refused: any {@code extra} field, {@code parallel_tool_calls: false} (Gemini cannot be told to call
 * one function at a time), more than 5 stop sequences and a seed outside Gemini's 32-bit range. Top-k is
 * {@code topK}, reasoning {@code thinkingConfig} ({@link GeminiThinking}). Cache breakpoints are not sent: Gemini
 * caches only through separately created {@code cachedContents} (and caches repeated prefixes implicitly), so a
 * breakpoint changes neither the request's meaning nor the answer. Anthropic's {@code service_tier} is not sent: its
 * values only permit or forbid Anthropic's priority capacity, and Gemini's standard tier satisfies both.
 */
final class GeminiRequestEncoder {
    private static final int MAX_STOP_SEQUENCES = 5;

    private GeminiRequestEncoder() {
    }

    static ObjectNode encode(ChatRequest request) {
        rejectInexpressible(request);
        ObjectNode body = Json.object();
        GeminiMessages.encodeInto(request.messages(), body);
        if (!request.tools().isEmpty()) {
            body.set("tools", tools(request));
        }
        ObjectNode toolConfig = toolConfig(request);
        if (toolConfig != null) {
            body.set("toolConfig", toolConfig);
        }
        ObjectNode generation = generationConfig(request);
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return body;
    }

    private static void rejectInexpressible(ChatRequest request) {
        if (request.hasExtra()) {
            String field = request.extra().fieldNames().next();
            throw ArbiterException.unsupported(field, "Gemini has no equivalent of '" + field + "'");
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls())) {
            throw ArbiterException.unsupported("parallel_tool_calls",
                    "Gemini cannot be limited to one tool call per turn; omit parallel_tool_calls or set it to true");
        }
        if (request.stop().size() > MAX_STOP_SEQUENCES) {
            throw ArbiterException.unsupported("stop", "Gemini accepts at most " + MAX_STOP_SEQUENCES + " stop sequences");
        }
        if (request.seed() != null && (request.seed() < Integer.MIN_VALUE || request.seed() > Integer.MAX_VALUE)) {
            throw ArbiterException.unsupported("seed", "Gemini takes a 32-bit seed, got " + request.seed());
        }
    }

    private static ArrayNode tools(ChatRequest request) {
        ArrayNode declarations = Json.array();
        for (int i = 0; i < request.tools().size(); i++) {
            ToolDefinition tool = request.tools().get(i);
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", tool.name());
            if (tool.description() != null) {
                declaration.put("description", tool.description());
            }
            if (tool.parameters() != null) {
                declaration.set("parametersJsonSchema",
                        GeminiSchemas.convert(tool.parameters(), "tools[" + i + "].function.parameters"));
            }
        }
        ArrayNode tools = Json.array();
        tools.addObject().set("functionDeclarations", declarations);
        return tools;
    }

    private static ObjectNode toolConfig(ChatRequest request) {
        ToolChoice choice = request.toolChoice();
        if (choice == null) {
            return null;
        }
        if (choice.forcesCall() && request.tools().isEmpty()) {
            throw ArbiterException.invalid("tool_choice", "tool_choice forces a tool call but the request declares no tools");
        }
        if (request.tools().isEmpty()) {
            return null; // auto or none over no tools: nothing to configure
        }
        ObjectNode config = Json.object();
        ObjectNode calling = config.putObject("functionCallingConfig");
        switch (choice.mode()) {
            case AUTO -> calling.put("mode", "AUTO");
            case NONE -> calling.put("mode", "NONE");
            case REQUIRED -> calling.put("mode", "ANY");
            case FUNCTION -> {
                requireDeclared(request, choice.functionName());
                calling.put("mode", "ANY");
                calling.putArray("allowedFunctionNames").add(choice.functionName());
            }
        }
        return config;
    }

    private static void requireDeclared(ChatRequest request, String name) {
        boolean declared = request.tools().stream().anyMatch(t -> t.name().equals(name));
        if (!declared) {
            throw ArbiterException.invalid("tool_choice", "tool_choice names '" + name + "', which is not among the tools");
        }
    }

    private static ObjectNode generationConfig(ChatRequest request) {
        ObjectNode config = Json.object();
        if (request.maxTokens() != null) {
            config.put("maxOutputTokens", request.maxTokens());
        }
        if (request.temperature() != null) {
            config.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            config.put("topP", request.topP());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            request.stop().forEach(stops::add);
        }
        if (request.seed() != null) {
            config.put("seed", request.seed().intValue());
        }
        if (request.topK() != null) {
            config.put("topK", request.topK());
        }
        ObjectNode thinking = GeminiThinking.config(request.reasoning());
        if (thinking != null) {
            config.set("thinkingConfig", thinking);
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.wantsJson()) {
            config.put("responseMimeType", "application/json");
            if (format.type() == ResponseFormat.Type.JSON_SCHEMA && format.schema() != null) {
                config.set("responseJsonSchema", GeminiSchemas.convert(format.schema(), "response_format.json_schema.schema"));
            }
        }
        return config;
    }
}
