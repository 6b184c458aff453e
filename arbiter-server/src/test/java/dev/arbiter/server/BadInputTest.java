package dev.arbiter.server;

import static dev.arbiter.server.ChatBodies.CHAT;
import static dev.arbiter.server.ChatBodies.MESSAGES;
import static dev.arbiter.server.ChatBodies.USER;
import static dev.arbiter.server.ChatBodies.chatWith;
import static dev.arbiter.server.ChatBodies.messagesWith;
import static dev.arbiter.server.ChatBodies.padded;
import static dev.arbiter.server.ErrorReplies.anthropicError;
import static dev.arbiter.server.ErrorReplies.assertMessageNames;
import static dev.arbiter.server.ErrorReplies.assertParam;
import static dev.arbiter.server.ErrorReplies.checked;
import static dev.arbiter.server.ErrorReplies.openAiError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.fake.ScriptedReply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Bad input and bad upstreams each get a clear error with the right status in the caller's API shape (OpenAI's,
 * or Anthropic's on {@code /v1/messages}); never a stack trace, never a 500, and a request the gateway refuses is
 * never sent upstream. (Bytes that are not HTTP at all: {@link ProtocolGarbageTest}.) One catalogue of one-behaviour
 * tests in groups, hence the length.
 */
class BadInputTest {
    static GatewayHarness gateway;

    @BeforeAll
    static void startGateway() {
        gateway = new GatewayHarness();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    static HttpResponse<String> post(String path, String body) {
        return checked(gateway.post(path, body));
    }

    static HttpResponse<String> chat(String fields) {
        return post(CHAT, "{" + fields + "}");
    }

    /** Sends the body with chunked transfer encoding: its length is not declared up front. */
    static HttpResponse<String> postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return checked(gateway.send(HttpRequest.newBuilder(gateway.baseUrl().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build()));
    }

    /** Caller errors on the OpenAI endpoint: 400/404/413 naming the parameter, nothing forwarded upstream. */
    @Nested
    class CallerErrorsOnChatCompletions {
        private int forwardedBefore;

        @BeforeEach
        void countForwarded() {
            forwardedBefore = forwarded();
        }

        @AfterEach
        void nothingWasForwarded() {
            assertThat(forwarded()).as("requests sent upstream").isEqualTo(forwardedBefore);
        }

        private int forwarded() {
            return gateway.openai.received().size() + gateway.anthropic.received().size() + gateway.gemini.received().size();
        }

        @Test
        void malformedJsonIsInvalidJsonSayingWhere() {
            JsonNode error = openAiError(post(CHAT, "{\"model\": \"test/gpt\", \"messages\": ["), 400, "caller_invalid_request");
            assertParam(error, null, "invalid_json");
            assertThat(error.path("message").asText()).contains("not valid JSON").contains("expected close marker for Array")
                    .contains("at line 1, column");
        }

        @Test
        void aBodyThatIsNotAnObjectIsRefused() {
            JsonNode error = openAiError(post(CHAT, "[1,2,3]"), 400, "caller_invalid_request");
            assertParam(error, null, "invalid_json");
            assertThat(error.path("message").asText()).contains("JSON object");
        }

        @Test
        void aJsonNullBodyIsRefused() {
            assertParam(openAiError(post(CHAT, "null"), 400, "caller_invalid_request"), null, "invalid_json");
        }

        @Test
        void anEmptyBodyIsRefused() {
            JsonNode error = openAiError(post(CHAT, ""), 400, "caller_invalid_request");
            assertThat(error.path("message").asText()).containsIgnoringCase("body");
        }

        @Test
        void aWhitespaceOnlyBodyIsRefused() {
            assertParam(openAiError(post(CHAT, "  \n "), 400, "caller_invalid_request"), null, "invalid_json");
        }

        @Test
        void messagesGivenAsAStringIsAWrongType() {
            JsonNode error = openAiError(chat("\"model\":\"test/gpt\",\"messages\":\"hi\""), 400, "caller_invalid_request");
            assertParam(error, "messages", "invalid_type");
            assertMessageNames(error, "messages");
            assertThat(error.path("message").asText()).contains("an array").contains("a string");
        }

        @Test
        void temperatureGivenAsAStringIsAWrongType() {
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "\"temperature\":\"hot\"")), 400, "caller_invalid_request");
            assertParam(error, "temperature", "invalid_type");
            assertMessageNames(error, "temperature");
            assertThat(error.path("message").asText()).contains("a number");
        }

        @Test
        void negativeMaxTokensIsOutOfRange() {
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "\"max_tokens\":-5")), 400, "caller_invalid_request");
            assertParam(error, "max_tokens", "invalid_value");
            assertMessageNames(error, "max_tokens");
            assertThat(error.path("message").asText()).contains("-5");
        }

        @Test
        void toolsThatIsNotAnArrayIsAWrongType() {
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "\"tools\":{\"type\":\"function\"}")), 400, "caller_invalid_request");
            assertParam(error, "tools", "invalid_type");
            assertMessageNames(error, "tools");
        }

        @Test
        void aRequestWithoutMessagesIsMissingAParameter() {
            JsonNode error = openAiError(chat("\"model\":\"test/gpt\""), 400, "caller_invalid_request");
            assertParam(error, "messages", "missing_required_parameter");
            assertMessageNames(error, "messages");
        }

        @Test
        void aRequestWithoutModelIsMissingAParameter() {
            JsonNode error = openAiError(chat("\"messages\":[" + USER + "]"), 400, "caller_invalid_request");
            assertParam(error, "model", "missing_required_parameter");
            assertMessageNames(error, "model");
        }

        @Test
        void anUnknownModelIsNotFoundNamingModel() {
            JsonNode error = openAiError(post(CHAT, chatWith("test/nope", "")), 404, "caller_unknown_model");
            assertParam(error, "model", "model_not_found");
            assertThat(error.path("message").asText()).contains("test/nope").contains("/v1/models");
        }

        @Test
        void aBodyOneByteOverTheLimitIsTooLarge() {
            JsonNode error = openAiError(post(CHAT, padded(GatewayHarness.MAX_BODY_BYTES + 1)), 413, "caller_payload_too_large");
            assertParam(error, null, "payload_too_large");
            assertThat(error.path("message").asText()).contains(Long.toString(GatewayHarness.MAX_BODY_BYTES));
        }

        @Test
        void aBodyFarOverTheLimitIsTooLarge() {
            JsonNode error = openAiError(post(CHAT, padded(GatewayHarness.MAX_BODY_BYTES * 4)), 413, "caller_payload_too_large");
            assertParam(error, null, "payload_too_large");
        }

        @Test
        void aChunkedBodyOverTheLimitIsTooLarge() {
            HttpResponse<String> res = postChunked(CHAT, padded(GatewayHarness.MAX_BODY_BYTES * 2));
            assertParam(openAiError(res, 413, "caller_payload_too_large"), null, "payload_too_large");
        }

        @Test
        void aChunkedBodyWithinTheLimitIsAccepted() {
            // Read whole and parsed: the model was looked up.
            openAiError(postChunked(CHAT, chatWith("test/nope", "")), 404, "caller_unknown_model");
        }

        @Test
        void toolsForAModelWithoutToolCallingAreUnsupportedNamingTools() {
            String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}]";
            JsonNode error = openAiError(post(CHAT, chatWith("test/text-only", tools)), 400, "caller_unsupported_feature");
            assertParam(error, "tools", "unsupported_feature");
            assertThat(error.path("message").asText()).contains("test/text-only").contains("tool");
        }

        @Test
        void anImageForATextOnlyModelIsUnsupportedNamingThePart() {
            String body = "{\"model\":\"test/text-only\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"what is it\"},"
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]}";
            JsonNode error = openAiError(post(CHAT, body), 400, "caller_unsupported_feature");
            assertParam(error, "messages[0].content[1]", "unsupported_feature");
            assertThat(error.path("message").asText()).contains("image");
        }

        @Test
        void aJsonSchemaForATextOnlyModelIsUnsupportedNamingResponseFormat() {
            String format = "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"object\"}}}";
            JsonNode error = openAiError(post(CHAT, chatWith("test/text-only", format)), 400, "caller_unsupported_feature");
            assertParam(error, "response_format", "unsupported_feature");
            assertThat(error.path("message").asText()).contains("JSON schema");
        }

        @Test
        void aSeedSentToAClaudeModelIsUnsupportedNamingSeed() {
            JsonNode error = openAiError(post(CHAT, chatWith("test/claude", "\"seed\":42")), 400, "caller_unsupported_feature");
            assertParam(error, "seed", "unsupported_feature");
        }
    }

    /** Paths and methods the gateway does not serve. */
    @Nested
    class Routing {
        @Test
        void anUnknownPathIsNotFoundListingTheServedPaths() {
            JsonNode error = openAiError(checked(gateway.get("/v1/completions")), 404, "caller_not_found");
            assertParam(error, null, "not_found");
            assertThat(error.path("message").asText()).contains("/v1/completions").contains(CHAT);
        }

        @Test
        void postingToAnUnknownPathIsNotFound() {
            openAiError(post("/v2/chat", chatWith("test/gpt", "")), 404, "caller_not_found");
        }

        @Test
        void getOnTheChatEndpointIsNotAllowedAndSaysWhatIs() {
            HttpResponse<String> res = checked(gateway.get(CHAT));
            assertParam(openAiError(res, 405, "caller_method_not_allowed"), null, "method_not_allowed");
            assertThat(res.headers().firstValue("Allow")).hasValue("POST");
        }

        @Test
        void deleteOnTheModelListIsNotAllowedAndSaysWhatIs() {
            HttpResponse<String> res = checked(gateway.send(HttpRequest.newBuilder(gateway.baseUrl().resolve("/v1/models"))
                    .DELETE().build()));
            openAiError(res, 405, "caller_method_not_allowed");
            assertThat(res.headers().firstValue("Allow")).hasValue("GET");
        }
    }

    /** Upstream failures, mapped to the status that says whose fault it was. */
    @Nested
    class UpstreamErrorsOnChatCompletions {
        @Test
        void anUpstream400IsProviderRejectedRequestWithTheUpstreamsMessage() {
            gateway.openai.enqueue(ScriptedReply.error(400, "Invalid 'messages[0].content': string too long."));
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "")), 400, "provider_rejected_request");
            assertThat(error.path("message").asText()).contains("Invalid 'messages[0].content': string too long.");
        }

        @Test
        void anUpstream401IsABadGatewaySayingTheProvidersAuthFailed() {
            gateway.openai.enqueue(ScriptedReply.error(401, "Incorrect API key provided."));
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "")), 502, "provider_auth_failed");
            assertThat(error.path("message").asText()).isNotBlank();
        }

        @Test
        void anUpstream429IsRateLimitedWithItsRetryAfter() {
            gateway.openai.enqueue(ScriptedReply.rateLimited("Rate limit reached for requests.", Duration.ofSeconds(7)));
            HttpResponse<String> res = post(CHAT, chatWith("test/gpt", ""));
            JsonNode error = openAiError(res, 429, "provider_rate_limited");
            assertThat(res.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(error.path("message").asText()).contains("Rate limit reached");
        }

        @Test
        void anUpstream500IsABadGateway() {
            gateway.openai.enqueue(ScriptedReply.error(500, "The server had an error while processing your request."));
            openAiError(post(CHAT, chatWith("test/gpt", "")), 502, "provider_error");
        }

        @Test
        void anUpstream503IsServiceUnavailable() {
            gateway.openai.enqueue(ScriptedReply.error(503, "The engine is currently overloaded."));
            openAiError(post(CHAT, chatWith("test/gpt", "")), 503, "provider_unavailable");
        }

        @Test
        void anUpstreamOnAClosedPortIsUnreachable() {
            try (UnreachableGateway broken = new UnreachableGateway()) {
                HttpResponse<String> res = checked(broken.post(CHAT, chatWith("test/gpt", "")));
                JsonNode error = openAiError(res, 502, "provider_unreachable");
                assertThat(error.path("message").asText()).contains("dead-openai");
            }
        }
    }

    /** Upstreams that break the connection or send garbage: a clear provider error that names no Java class. */
    @Nested
    class UpstreamFaults {
        @Test
        void anUpstreamThatHangsUpBeforeAnsweringIsUnreachableSayingSoInWords() {
            // A first call leaves a pooled connection; a hang-up on a reused connection is retried once on a new one
            // (it looks just like a keep-alive connection the upstream closed while idle), so hang up on both.
            assertThat(post(CHAT, chatWith("test/gpt", "")).statusCode()).isEqualTo(200);
            gateway.openai.enqueue(ScriptedReply.text("never sent", null).withFault(ScriptedReply.Fault.RESET_BEFORE_RESPONSE));
            gateway.openai.enqueue(ScriptedReply.text("never sent", null).withFault(ScriptedReply.Fault.RESET_BEFORE_RESPONSE));
            JsonNode error = openAiError(post(CHAT, chatWith("test/gpt", "")), 502, "provider_unreachable");
            assertThat(error.path("message").asText()).contains("fake-openai").contains("connection");
        }

        @Test
        void aStreamThatBreaksOffEndsWithAnErrorEventNotADone() {
            gateway.openai.enqueue(ScriptedReply.text("one two three four", null).withFault(ScriptedReply.Fault.RESET_MID_STREAM));
            HttpResponse<String> res = post(CHAT, chatWith("test/gpt", "\"stream\":true"));
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("\"finish_reason\":\"error\"}],\"error\":{").contains("\"type\":\"provider_")
                    .doesNotContainPattern("(?m)^data: \\[DONE\\]$");
        }

        @Test
        void aGarbledStreamEventFromEachVendorEndsTheStreamWithAClearError() {
            gateway.openai.enqueue(ScriptedReply.text("one two three", null).withFault(ScriptedReply.Fault.GARBLED_EVENT));
            gateway.anthropic.enqueue(ScriptedReply.text("one two three", null).withFault(ScriptedReply.Fault.GARBLED_EVENT));
            gateway.gemini.enqueue(ScriptedReply.text("one two three", null).withFault(ScriptedReply.Fault.GARBLED_EVENT));
            for (String model : new String[] {"test/gpt", "test/claude", "test/gemini"}) {
                HttpResponse<String> res = post(CHAT, chatWith(model, "\"stream\":true"));
                assertThat(res.statusCode()).as(model).isEqualTo(200);
                assertThat(res.body()).as(model).contains("\"provider_bad_response\"").doesNotContainPattern("(?m)^data: \\[DONE\\]$");
            }
        }

        @Test
        void aStreamThatBreaksOffOnMessagesEndsWithAnAnthropicErrorEvent() {
            gateway.anthropic.enqueue(ScriptedReply.text("one two three four", null).withFault(ScriptedReply.Fault.RESET_MID_STREAM));
            HttpResponse<String> res = post(MESSAGES, messagesWith("test/claude", "\"stream\":true"));
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("event: error\ndata: {\"type\":\"error\"").doesNotContain("event: message_stop");
        }
    }

    /** The same kinds of errors on the Anthropic endpoint, in Anthropic's error shape. */
    @Nested
    class ErrorsOnMessages {
        @Test
        void malformedJsonIsAnInvalidRequestError() {
            JsonNode error = anthropicError(post(MESSAGES, "{\"model\": \"test/gpt\","), 400, "invalid_request_error");
            assertThat(error.path("message").asText()).contains("not valid JSON").contains("at line 1, column");
        }

        @Test
        void aBodyThatIsNotAnObjectIsAnInvalidRequestError() {
            anthropicError(post(MESSAGES, "\"hello\""), 400, "invalid_request_error");
        }

        @Test
        void anEmptyBodyIsAnInvalidRequestError() {
            anthropicError(post(MESSAGES, ""), 400, "invalid_request_error");
        }

        @Test
        void aWhitespaceOnlyBodyIsAnInvalidRequestError() {
            anthropicError(post(MESSAGES, " \r\n"), 400, "invalid_request_error");
        }

        @Test
        void messagesGivenAsAStringIsAnInvalidRequestErrorNamingIt() {
            String body = "{\"model\":\"test/gpt\",\"max_tokens\":64,\"messages\":\"hi\"}";
            JsonNode error = anthropicError(post(MESSAGES, body), 400, "invalid_request_error");
            assertThat(error.path("message").asText()).contains("messages");
        }

        @Test
        void aMissingMaxTokensIsAnInvalidRequestErrorNamingIt() {
            String body = "{\"model\":\"test/gpt\",\"messages\":[" + USER + "]}";
            JsonNode error = anthropicError(post(MESSAGES, body), 400, "invalid_request_error");
            assertThat(error.path("message").asText()).contains("max_tokens");
        }

        @Test
        void anUnknownModelIsANotFoundError() {
            JsonNode error = anthropicError(post(MESSAGES, messagesWith("test/nope", "")), 404, "not_found_error");
            assertThat(error.path("message").asText()).contains("test/nope");
        }

        @Test
        void aBodyOverTheLimitIsRequestTooLarge() {
            String body = padded(GatewayHarness.MAX_BODY_BYTES * 2);
            anthropicError(post(MESSAGES, body), 413, "request_too_large");
        }

        @Test
        void toolsForATextOnlyModelAreAnInvalidRequestErrorNamingTools() {
            String tools = "\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}]";
            JsonNode error = anthropicError(post(MESSAGES, messagesWith("test/text-only", tools)), 400, "invalid_request_error");
            assertThat(error.path("message").asText()).contains("tools").contains("test/text-only");
        }

        @Test
        void anUpstream429IsARateLimitErrorWithItsRetryAfter() {
            gateway.openai.enqueue(ScriptedReply.rateLimited("Rate limit reached for requests.", Duration.ofSeconds(3)));
            HttpResponse<String> res = post(MESSAGES, messagesWith("test/gpt", ""));
            anthropicError(res, 429, "rate_limit_error");
            assertThat(res.headers().firstValue("Retry-After")).hasValue("3");
        }

        @Test
        void anUpstream400IsAnInvalidRequestErrorWithTheUpstreamsMessage() {
            gateway.anthropic.enqueue(ScriptedReply.error(400, "messages: roles must alternate"));
            JsonNode error = anthropicError(post(MESSAGES, messagesWith("test/claude", "")), 400, "invalid_request_error");
            assertThat(error.path("message").asText()).contains("messages: roles must alternate");
        }

        @Test
        void anUpstream401IsAnApiError() {
            gateway.anthropic.enqueue(ScriptedReply.error(401, "invalid x-api-key"));
            anthropicError(post(MESSAGES, messagesWith("test/claude", "")), 502, "api_error");
        }

        @Test
        void anUpstream503IsAnOverloadedError() {
            gateway.anthropic.enqueue(ScriptedReply.error(503, "Overloaded"));
            anthropicError(post(MESSAGES, messagesWith("test/claude", "")), 503, "overloaded_error");
        }

        @Test
        void anUpstreamOnAClosedPortIsAnApiError() {
            try (UnreachableGateway broken = new UnreachableGateway()) {
                anthropicError(checked(broken.post(MESSAGES, messagesWith("test/gpt", ""))), 502, "api_error");
            }
        }
    }
}
