package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.ingress.StreamWriter;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.anthropic.AnthropicWire;

/**
 * The Anthropic Messages format as a client-facing endpoint ({@code POST /v1/messages}), so Claude clients such
 * as the anthropic-java SDK work unchanged against Arbiter. Errors use Anthropic's shape
 * {@code {"type":"error","error":{"type","message"}}} with the error type that goes with the status.
 */
public final class AnthropicIngress implements IngressFormat {

    @Override
    public ChatRequest parseRequest(byte[] body) {
        return AnthropicRequestParser.parse(body);
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
