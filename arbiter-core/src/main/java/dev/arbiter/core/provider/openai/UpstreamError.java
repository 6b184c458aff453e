package dev.arbiter.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fields of an upstream error body, read leniently: OpenAI's {@code {"error":{...}}}, a bare
 * {@code {"error":"text"}}, vLLM's top-level {@code {"message","type","code"}}, FastAPI's {@code {"detail"}},
 * or a body that is not JSON at all (then {@code raw} holds a readable excerpt).
 */
record UpstreamError(String message, String type, String param, String code, String innerCode, String raw) {
    private static final int EXCERPT = 300;

    static UpstreamError parse(byte[] body) {
        if (body == null || body.length == 0) {
            return rawOnly("an empty body");
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            return rawOnly("a non-JSON body: " + excerpt(new String(body, StandardCharsets.UTF_8)));
        }
        if (json == null || !json.isObject()) {
            return rawOnly("a body that is not an error object: " + excerpt(new String(body, StandardCharsets.UTF_8)));
        }
        JsonNode error = json.get("error");
        if (error != null && error.isObject()) {
            return of(error);
        }
        if (error != null && error.isTextual()) {
            return new UpstreamError(error.asText(), null, null, null, null, null);
        }
        if (json.hasNonNull("message")) {
            return of(json);
        }
        if (json.hasNonNull("detail")) {
            JsonNode detail = json.get("detail");
            return new UpstreamError(detail.isTextual() ? detail.asText() : Json.text(detail), null, null, null, null, null);
        }
        return rawOnly("a body that is not an error object: " + excerpt(Json.text(json)));
    }

    private static UpstreamError rawOnly(String raw) {
        return new UpstreamError(null, null, null, null, null, raw);
    }

    /** Reads one OpenAI {@code error} object; codes may be numbers on some hosts. */
    static UpstreamError of(JsonNode error) {
        if (error == null || !error.isObject()) {
            return new UpstreamError(error == null ? null : error.asText(), null, null, null, null, null);
        }
        JsonNode inner = error.get("innererror");
        return new UpstreamError(Json.textOrNull(error, "message"), Json.textOrNull(error, "type"),
                Json.textOrNull(error, "param"), Json.textOrNull(error, "code"), Json.textOrNull(inner, "code"), null);
    }

    /** True for the wording compatible hosts use when the prompt does not fit (vLLM, llama.cpp, OpenAI). */
    boolean saysContextTooLong() {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return m.contains("maximum context length") || m.contains("context_length_exceeded")
                || m.contains("exceeds the available context size")
                || t.equals("exceed_context_size_error");
    }

    /** The message text for a caller: the upstream's message (with type/code), or what the body was. */
    String describe() {
        if (message != null && !message.isBlank()) {
            StringBuilder sb = new StringBuilder(message);
            if (type != null || code != null) {
                sb.append(" (");
                if (type != null) {
                    sb.append("type ").append(type);
                }
                if (code != null) {
                    sb.append(type != null ? ", " : "").append("code ").append(code);
                }
                sb.append(')');
            }
            return sb.toString();
        }
        return raw == null ? "no error message" : "no error message, " + raw;
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }
}
