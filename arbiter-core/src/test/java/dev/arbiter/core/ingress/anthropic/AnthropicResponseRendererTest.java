package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicResponseRendererTest {
    private final AnthropicIngress ingress = new AnthropicIngress();

    @Test
    void rendersTextAndToolCallsAsAMessageObjectWithAnthropicUsage() {
        Message message = new Message(Role.ASSISTANT, List.of(new ContentPart.Text("Let me check.")),
                List.of(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}")), null, null);
        ChatResponse response = new ChatResponse("msg_123", "upstream-model", 0,
                List.of(new Choice(0, message, FinishReason.TOOL_CALLS)), new Usage(1200, 40, 1000, 0, 150));

        assertThat(Json.parse(ingress.renderResponse(response, "claude-sonnet-4-5"))).isEqualTo(Json.parse("""
                {"id":"msg_123","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Let me check."},
                            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":50,"cache_creation_input_tokens":150,"cache_read_input_tokens":1000,"output_tokens":40}}"""));
    }

    @Test
    void mapsFinishReasonsToStopReasons() {
        assertThat(stopReasonFor(FinishReason.STOP)).isEqualTo("end_turn");
        assertThat(stopReasonFor(FinishReason.LENGTH)).isEqualTo("max_tokens");
        assertThat(stopReasonFor(FinishReason.CONTENT_FILTER)).isEqualTo("refusal");
    }

    @Test
    void aToolCallWhoseArgumentsAreNotAnObjectIsABadResponse() {
        Message message = Message.assistantToolCalls(List.of(new ToolCall("t", "f", "{not json")));
        ChatResponse response = new ChatResponse("id", "m", 0, List.of(new Choice(0, message, FinishReason.TOOL_CALLS)), Usage.ZERO);
        assertThatThrownBy(() -> ingress.renderResponse(response, "m")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_BAD_RESPONSE));
    }

    @Test
    void rendersErrorsInAnthropicsShapeWithTheTypeForTheStatus() {
        assertThat(errorFor(ArbiterException.invalid("max_tokens", "max_tokens is required"))).isEqualTo(Json.parse("""
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens is required"}}"""));
        assertThat(errorFor(ArbiterException.unsupported("seed", "no reproducible sampling"))).isEqualTo(Json.parse("""
                {"type":"error","error":{"type":"invalid_request_error","message":"seed: no reproducible sampling"}}"""));
        assertThat(type(ErrorKind.CALLER_UNAUTHORIZED)).isEqualTo("authentication_error");
        assertThat(type(ErrorKind.CALLER_FORBIDDEN)).isEqualTo("permission_error");
        assertThat(type(ErrorKind.CALLER_UNKNOWN_MODEL)).isEqualTo("not_found_error");
        assertThat(type(ErrorKind.CALLER_PAYLOAD_TOO_LARGE)).isEqualTo("request_too_large");
        assertThat(type(ErrorKind.PROVIDER_RATE_LIMITED)).isEqualTo("rate_limit_error");
        assertThat(type(ErrorKind.PROVIDER_UNAVAILABLE)).isEqualTo("overloaded_error");
        assertThat(type(ErrorKind.PROVIDER_ERROR)).isEqualTo("api_error");
        assertThat(type(ErrorKind.GATEWAY_INTERNAL_ERROR)).isEqualTo("api_error");
    }

    private String stopReasonFor(FinishReason reason) {
        ChatResponse response = new ChatResponse("id", "m", 0, List.of(new Choice(0, Message.assistant("x"), reason)), Usage.ZERO);
        return Json.parse(ingress.renderResponse(response, "m")).get("stop_reason").asText();
    }

    private com.fasterxml.jackson.databind.JsonNode errorFor(ArbiterException e) {
        return Json.parse(ingress.renderError(e));
    }

    private String type(ErrorKind kind) {
        return errorFor(new ArbiterException(kind, "x")).get("error").get("type").asText();
    }
}
