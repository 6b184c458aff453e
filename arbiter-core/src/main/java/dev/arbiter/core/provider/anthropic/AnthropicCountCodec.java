package dev.arbiter.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.json.Json;
import java.util.Set;

/**
 * The Token Counting API body and answer ({@code POST /v1/messages/count_tokens}, answered with
 * {@code {"input_tokens": N}}). The body is the Messages body the same request would send, so the count includes
 * exactly what the call would (system, tools, JSON mode's forced tool, thinking settings, cache markers), cut to the
 * fields a count takes: {@code max_tokens}, sampling, stop sequences, {@code stream}, {@code metadata} and
 * {@code service_tier} only shape the answer, and Anthropic refuses them here.
 */
final class AnthropicCountCodec {
    /** Anthropic's MessageCountTokensParams. */
    static final Set<String> COUNT_FIELDS = Set.of("model", "messages", "system", "tools", "tool_choice", "thinking",
            "output_config", "cache_control");

    private AnthropicCountCodec() {
    }

    static ObjectNode encode(ChatRequest request) {
        ObjectNode body = AnthropicRequestEncoder.encode(request);
        body.retain(COUNT_FIELDS);
        return body;
    }

    static int decode(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (RuntimeException e) {
            throw AnthropicResponseDecoder.bad("the token count is not JSON");
        }
        JsonNode tokens = root.get("input_tokens");
        if (tokens == null || !tokens.canConvertToInt() || !tokens.isIntegralNumber() || tokens.intValue() < 0) {
            throw AnthropicResponseDecoder.bad("the token count has no input_tokens count");
        }
        return tokens.intValue();
    }
}
