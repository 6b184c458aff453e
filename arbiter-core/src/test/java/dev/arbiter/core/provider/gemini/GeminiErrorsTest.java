package dev.arbiter.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiErrorsTest {
    private final GeminiCodec codec = new GeminiCodec();

    @Test
    void anInvalidApiKeyIsAnAuthFailureThoughGeminiSays400() {
        ArbiterException e = decode(400, Map.of(), "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_AUTH_FAILED);
        assertThat(e.getMessage()).contains("API key not valid");
    }

    @Test
    void anOverlongPromptIsTheCallersContextLengthError() {
        ArbiterException e = decode(400, Map.of(), "{\"error\":{\"code\":400,\"message\":\"The input token count (1200000) exceeds"
                + " the maximum number of tokens allowed (1048576).\",\"status\":\"INVALID_ARGUMENT\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void aRateLimitWaitsAsLongAsRetryInfoSaysWhenThereIsNoRetryAfterHeader() {
        String body = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"7.5s\"}]}}";

        ArbiterException fromDetail = decode(429, Map.of(), body);
        ArbiterException fromHeader = decode(429, Map.of("Retry-After", List.of("3")), body);

        assertThat(fromDetail.kind()).isEqualTo(ErrorKind.PROVIDER_RATE_LIMITED);
        assertThat(fromDetail.retryAfter()).isEqualTo(Duration.ofMillis(7500));
        assertThat(fromHeader.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void mapsStatusesByWhoseFaultTheyAre() {
        assertThat(decode(403, Map.of(), error(403, "PERMISSION_DENIED")).kind()).isEqualTo(ErrorKind.PROVIDER_AUTH_FAILED);
        assertThat(decode(404, Map.of(), error(404, "NOT_FOUND")).kind()).isEqualTo(ErrorKind.PROVIDER_MODEL_NOT_FOUND);
        assertThat(decode(400, Map.of(), error(400, "FAILED_PRECONDITION")).kind()).isEqualTo(ErrorKind.PROVIDER_REJECTED_REQUEST);
        assertThat(decode(500, Map.of(), error(500, "INTERNAL")).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(decode(503, Map.of(), error(503, "UNAVAILABLE")).kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
        assertThat(decode(504, Map.of(), error(504, "DEADLINE_EXCEEDED")).kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
    }

    @Test
    void aBodyThatIsNotGooglesShapeStillGivesItsText() {
        ArbiterException e = decode(502, Map.of(), "<html>Bad Gateway</html>");

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("Bad Gateway");
    }

    @Test
    void anErrorInsideAStreamIsMappedByItsCode() {
        var decoder = codec.newStreamDecoder();
        var event = new SseEvent(null,
                "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}");

        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOfSatisfying(ArbiterException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE));
    }

    private ArbiterException decode(int status, Map<String, List<String>> headers, String body) {
        return codec.decodeError(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(int code, String status) {
        return Json.text(Json.object().set("error", Json.object().put("code", code).put("message", "m").put("status", status)));
    }
}
