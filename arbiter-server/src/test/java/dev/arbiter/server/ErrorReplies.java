package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Checks on the gateway's error replies: the status, the OpenAI shape {@code {"error":{message,type,param,code}}}
 * or Anthropic's {@code {"type":"error","error":{type,message}}}, and that no stack trace leaked into the body.
 */
final class ErrorReplies {
    private static final Set<String> OPENAI_ERROR_FIELDS = Set.of("message", "type", "param", "code");

    private ErrorReplies() {
    }

    /** For every reply in the bad-input tests: no stack trace or exception name in the body, and never a 500. */
    static HttpResponse<String> checked(HttpResponse<String> res) {
        assertThat(leakedTrace(res.body())).as("trace leaked in %s", res.body()).isNull();
        assertThat(res.statusCode()).as("status of %s", res.body()).isNotEqualTo(500);
        return res;
    }

    /** Asserts the OpenAI error's {@code param} and {@code code}. */
    static JsonNode assertParam(JsonNode error, String param, String code) {
        assertThat(error.path("param").asText(null)).as("param of %s", error).isEqualTo(param);
        assertThat(error.path("code").asText(null)).as("code of %s", error).isEqualTo(code);
        return error;
    }

    /** The message itself names the parameter, so a caller reading only the message knows what to fix. */
    static void assertMessageNames(JsonNode error, String param) {
        assertThat(error.path("message").asText()).as("message of %s", error).contains("'" + param + "'");
    }

    /** Asserts an OpenAI-style error with this status and type, and returns its {@code error} object. */
    static JsonNode openAiError(HttpResponse<String> res, int status, String type) {
        assertThat(res.statusCode()).as("status of %s", res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = parse(res.body()).path("error");
        assertThat(whyNotOpenAiShape(parse(res.body()))).as("shape of %s", res.body()).isNull();
        assertThat(error.path("type").asText()).as("error.type of %s", res.body()).isEqualTo(type);
        return error;
    }

    /** Asserts an Anthropic-style error with this status and type, and returns its {@code error} object. */
    static JsonNode anthropicError(HttpResponse<String> res, int status, String type) {
        assertThat(res.statusCode()).as("status of %s", res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = parse(res.body());
        assertThat(whyNotAnthropicShape(body)).as("shape of %s", res.body()).isNull();
        assertThat(body.path("error").path("type").asText()).as("error.type of %s", res.body()).isEqualTo(type);
        return body.path("error");
    }

    /** A raw reply to protocol garbage: 400 with a JSON body in the OpenAI shape, and no trace. */
    static void assertJsonBadRequest(RawHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.headers().get("content-type")).isEqualTo("application/json");
        JsonNode body = parse(reply.body());
        assertThat(whyNotOpenAiShape(body)).as(reply.body()).isNull();
        assertThat(body.path("error").path("type").asText()).isEqualTo("caller_invalid_request");
        assertThat(leakedTrace(reply.body())).as(reply.body()).isNull();
    }

    /** Null when the body is an OpenAI error object with a non-empty message, else what is wrong with it. */
    static String whyNotOpenAiShape(JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1 || !body.path("error").isObject()) {
            return "not {\"error\":{...}}";
        }
        JsonNode error = body.get("error");
        for (String field : OPENAI_ERROR_FIELDS) {
            if (!error.has(field)) {
                return "error." + field + " is missing";
            }
        }
        if (!error.get("message").isTextual() || error.get("message").asText().isBlank()) {
            return "error.message is not a helpful string";
        }
        if (!error.get("type").isTextual() || !error.get("type").asText().matches("(caller|provider|policy|gateway)_[a-z_]+")) {
            return "error.type does not say whose fault it was";
        }
        return null;
    }

    /** Null when the body is an Anthropic error object with a non-empty message, else what is wrong with it. */
    static String whyNotAnthropicShape(JsonNode body) {
        if (body == null || !body.isObject() || !"error".equals(body.path("type").asText())) {
            return "not {\"type\":\"error\",...}";
        }
        JsonNode error = body.path("error");
        String type = error.path("type").asText("");
        if (!error.isObject() || !(type.endsWith("_error") || type.equals("request_too_large"))) {
            return "error.type is not an Anthropic error type";
        }
        if (!error.path("message").isTextual() || error.path("message").asText().isBlank()) {
            return "error.message is not a helpful string";
        }
        return null;
    }

    /** Null when the body carries no trace of a Java stack trace or exception class name, else the offending bit. */
    static String leakedTrace(String body) {
        if (body == null) {
            return null;
        }
        for (String marker : new String[] {"Exception", "\tat ", "\\tat ", "java.lang.", "jdk.internal."}) {
            if (body.contains(marker)) {
                return marker;
            }
        }
        return null;
    }

    /** The body as JSON, or null when it is not JSON. */
    static JsonNode parse(String body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
