package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.anthropic.AnthropicWire;
import java.util.Map;

/**
 * The Anthropic Messages format as a client-facing endpoint ({@code POST /v1/messages}), so Claude clients such
 * as the anthropic-java SDK work unchanged against Arbiter. Errors use Anthropic's shape
 * {@code {"type":"error","error":{"type","message"}}} with the error type that goes with the status.
 */
public final class AnthropicIngress implements IngressFormat {

    /** The request header a Claude client turns beta features on with; it goes on to Anthropic upstreams. */
    public static final String BETA_HEADER = "anthropic-beta";

    @Override
    public ChatRequest parseRequest(byte[] body) {
        return AnthropicRequestParser.parse(body);
    }

    /** Also carries the caller's {@value #BETA_HEADER} header to Anthropic upstreams. */
    @Override
    public ChatRequest parseRequest(byte[] body, Map<String, String> headers) {
        return withBetas(AnthropicRequestParser.parse(body), headers);
    }

    /**
     * Parses a Token Counting API body ({@code POST /v1/messages/count_tokens}): validated as a message is, without
     * {@code max_tokens} (a count takes none), and carrying the caller's {@value #BETA_HEADER} header too.
     */
    public ChatRequest parseCountRequest(byte[] body, Map<String, String> headers) {
        return withBetas(AnthropicRequestParser.parseCount(body), headers);
    }

    private static ChatRequest withBetas(ChatRequest request, Map<String, String> headers) {
        String betas = headers.get(BETA_HEADER);
        return betas == null || betas.isBlank() ? request
                : request.toBuilder().vendorHeaders(Map.of(BETA_HEADER, betas.strip())).build();
    }

    @Override
    public byte[] renderResponse(ChatResponse response, String servedModel) {
        return Json.bytes(AnthropicResponseRenderer.render(response, servedModel));
    }

    /** Anthropic streams always carry usage, so {@code includeUsage} changes nothing here. */
    @Override
    public StreamWriter newStreamWriter(String servedModel, boolean includeUsage) {
        return new AnthropicStreamWriter(servedModel);
    }

    @Override
    public byte[] renderError(ArbiterException error) {
        return Json.bytes(errorBody(error));
    }

    /**
     * The Anthropic error body for an Arbiter error. Anthropic's shape has no {@code param} field, so the
     * offending parameter is put in front of the message when the message does not name it already.
     */
    static ObjectNode errorBody(ArbiterException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (error.param() != null && !message.contains(error.param())) {
            message = error.param() + ": " + message;
        }
        return AnthropicWire.errorBody(AnthropicWire.errorType(error.status()), message);
    }
}
