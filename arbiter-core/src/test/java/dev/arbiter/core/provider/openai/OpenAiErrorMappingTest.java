package dev.arbiter.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Upstream error replies map to whose fault they were, keep the upstream's words and honour Retry-After. */
class OpenAiErrorMappingTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final OpenAiCodec codec = new OpenAiCodec(OpenAiCodec.MaxTokensParam.AUTO, InstantSource.fixed(NOW));

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "400, PROVIDER_REJECTED_REQUEST", "422, PROVIDER_REJECTED_REQUEST", "401, PROVIDER_AUTH_FAILED",
            "403, PROVIDER_AUTH_FAILED", "404, PROVIDER_MODEL_NOT_FOUND", "408, PROVIDER_TIMEOUT",
            "504, PROVIDER_TIMEOUT", "413, CALLER_PAYLOAD_TOO_LARGE", "429, PROVIDER_RATE_LIMITED",
            "500, PROVIDER_ERROR", "502, PROVIDER_ERROR", "503, PROVIDER_UNAVAILABLE", "529, PROVIDER_UNAVAILABLE",
            "409, PROVIDER_REJECTED_REQUEST", "507, PROVIDER_ERROR"})
    void mapsTheStatus(int status, ErrorKind kind) {
        ArbiterException e = decode(status, Map.of(), error("Something about the request", "invalid_request_error", null));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains("HTTP " + status).contains("Something about the request");
    }

    @Test
    void contextLengthExceededIsTheCallersFault() {
        ArbiterException e = decode(400, Map.of(), error("This model's maximum context length is 8192 tokens.",
                "invalid_request_error", "context_length_exceeded"));
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
        assertThat(e.code()).isEqualTo("context_length_exceeded");
    }

    @Test
    void recognisesContextLengthWordingOfCompatibleHostsWithoutACode() {
        String vllm = "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens. However, you "
                + "requested 5000 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}";
        assertThat(decode(400, Map.of(), vllm).kind()).isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void contentFilterRefusalsArePolicyErrors() {
        assertThat(decode(400, Map.of(), error("flagged", "invalid_request_error", "content_filter")).kind())
                .isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
        assertThat(decode(400, Map.of(), error("flagged", "invalid_request_error", "content_policy_violation")).kind())
                .isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
        String azure = "{\"error\":{\"message\":\"filtered\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\","
                + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}";
        assertThat(decode(400, Map.of(), azure).kind()).isEqualTo(ErrorKind.POLICY_CONTENT_FILTERED);
    }

    @Test
    void exhaustedQuotaMarksTheKeyUnusableRatherThanRateLimited() {
        assertThat(decode(429, Map.of(), error("You exceeded your current quota", "insufficient_quota", "insufficient_quota")).kind())
                .isEqualTo(ErrorKind.PROVIDER_AUTH_FAILED);
    }

    @Test
    void keepsTheUpstreamParamAndCode() {
        ArbiterException e = decode(400, Map.of(), "{\"error\":{\"message\":\"Invalid value\",\"type\":\"invalid_request_error\","
                + "\"param\":\"temperature\",\"code\":\"invalid_value\"}}");
        assertThat(e.param()).isEqualTo("temperature");
        assertThat(e.code()).isEqualTo("invalid_value");
    }

    @Test
    void readsRetryAfterInSecondsMillisecondsAndAsAnHttpDate() {
        byte[] body = error("slow down", "requests", "rate_limit_exceeded");
        assertThat(codec.decodeError(429, Map.of("retry-after", List.of("7")), body).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(codec.decodeError(429, Map.of("retry-after-ms", List.of("1500.5"), "retry-after", List.of("2")), body)
                .retryAfter()).isEqualTo(Duration.ofMillis(1501));
        assertThat(codec.decodeError(429, Map.of("Retry-After", List.of("Sun, 01 Mar 2026 12:00:30 GMT")), body).retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(codec.decodeError(429, Map.of("retry-after", List.of("Sun, 01 Mar 2026 11:00:00 GMT")), body).retryAfter())
                .isEqualTo(Duration.ZERO);
        assertThat(codec.decodeError(429, Map.of("retry-after", List.of("soon")), body).retryAfter()).isNull();
        assertThat(codec.decodeError(429, Map.of(), body).retryAfter()).isNull();
    }

    @Test
    void bodiesThatAreNotOpenAiErrorsStillGiveAClearMessage() {
        assertThat(decode(502, Map.of(), "<html>Bad Gateway</html>").getMessage())
                .isEqualTo("upstream returned HTTP 502: no error message, a non-JSON body: <html>Bad Gateway</html>");
        assertThat(codec.decodeError(503, Map.of(), new byte[0]).getMessage()).contains("HTTP 503").contains("empty body");
        assertThat(decode(400, Map.of(), "{\"error\":\"model is required\"}").getMessage()).contains("model is required");
        assertThat(decode(422, Map.of(), "{\"detail\":\"Extra inputs are not permitted\"}").getMessage())
                .contains("Extra inputs are not permitted");
        assertThat(decode(500, Map.of(), "[1,2]").getMessage()).contains("[1,2]");
    }

    @Test
    void anErrorInsideAStreamMapsByItsType() {
        assertThat(OpenAiErrors.fromStreamError(errorNode("busy", "server_error", null)).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(OpenAiErrors.fromStreamError(errorNode("slow", "requests", "rate_limit_exceeded")).kind())
                .isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(OpenAiErrors.fromStreamError(errorNode("bad", "invalid_request_error", null)).kind())
                .isEqualTo(ErrorKind.PROVIDER_REJECTED_REQUEST);
        assertThat(OpenAiErrors.fromStreamError(errorNode("too long", "invalid_request_error", "context_length_exceeded")).kind())
                .isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
    }

    private ArbiterException decode(int status, Map<String, List<String>> headers, String body) {
        return codec.decodeError(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private ArbiterException decode(int status, Map<String, List<String>> headers, byte[] body) {
        return codec.decodeError(status, headers, body);
    }

    private static byte[] error(String message, String type, String code) {
        ObjectNode root = Json.object();
        root.set("error", errorNode(message, type, code));
        return Json.bytes(root);
    }

    private static ObjectNode errorNode(String message, String type, String code) {
        ObjectNode e = Json.object().put("message", message).put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return e;
    }
}
