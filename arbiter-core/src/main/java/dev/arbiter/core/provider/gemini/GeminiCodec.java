package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.ProviderCodec;
import dev.arbiter.core.provider.StreamDecoder;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Google Gemini API (generativelanguage.googleapis.com, v1beta) codec: {@code models/{model}:generateContent},
 * or {@code :streamGenerateContent?alt=sse} for streams, authenticated with {@code x-goog-api-key}. The base URL
 * includes the version, e.g. {@code https://generativelanguage.googleapis.com/v1beta}. Gemini reports no creation
 * time, so answers are stamped with the codec's clock.
 */
public final class GeminiCodec implements ProviderCodec {
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9._-]+)?");

    private final InstantSource clock;

    public GeminiCodec() {
        this(InstantSource.system());
    }

    GeminiCodec(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamRequest encode(ChatRequest request, UpstreamSettings settings) {
        String model = request.model();
        if (model == null || !MODEL_NAME.matcher(model).matches()) {
            throw ArbiterException.invalid("model", "not a Gemini model name: '" + model + "'");
        }
        String resource = model.contains("/") ? model : "models/" + model; // "tunedModels/x" stays as it is
        String method = request.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
        byte[] body = Json.bytes(GeminiRequestEncoder.encode(request));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (settings.apiKey() != null) {
            headers.put("x-goog-api-key", settings.apiKey());
        }
        headers.putAll(settings.headers());
        return new UpstreamRequest(settings.resolve(resource + method), headers, body);
    }

    @Override
    public ChatResponse decodeResponse(byte[] body) {
        JsonNode response = GeminiResponses.parse(body);
        JsonNode candidate = GeminiResponses.firstCandidate(response);
        if (candidate == null) {
            GeminiResponses.rejectBlockedPrompt(response);
            throw GeminiResponses.badResponse("no candidates and no promptFeedback.blockReason");
        }
        List<ToolCall> calls = GeminiResponses.toolCalls(candidate, 0);
        String text = GeminiResponses.text(candidate);
        FinishReason reason = GeminiResponses.finishReason(candidate, !calls.isEmpty());
        List<ContentPart> content = text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text));
        Message message = new Message(Role.ASSISTANT, content, calls, null, null);
        if (reason == null) { // a whole answer always ends; read a missing reason as a natural stop
            reason = calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        }
        Choice choice = new Choice(0, message, reason);
        Usage usage = GeminiResponses.usage(response);
        return new ChatResponse(responseId(response), modelVersion(response), clock.instant().getEpochSecond(),
                List.of(choice), usage);
    }

    @Override
    public StreamDecoder newStreamDecoder() {
        return new GeminiStreamDecoder(clock.instant().getEpochSecond());
    }

    @Override
    public ArbiterException decodeError(int status, Map<String, List<String>> headers, byte[] body) {
        return GeminiErrors.fromResponse(status, headers, body);
    }

    /** Gemini's {@code responseId}, or a fresh id when an older deployment sends none. */
    static String responseId(JsonNode response) {
        String id = Json.textOrNull(response, "responseId");
        return id != null ? id : "gemini-" + UUID.randomUUID();
    }

    /** The {@code modelVersion} that answered, or "" when absent. */
    static String modelVersion(JsonNode response) {
        String model = Json.textOrNull(response, "modelVersion");
        return model != null ? model : "";
    }
}
