package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.IngressFormat;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers what Helidon refuses before any route runs (bytes that are not HTTP, malformed headers, a declared
 * body over the limit) with a JSON error in the caller's API shape instead of Helidon's plain-text default.
 */
final class ProtocolErrors implements DirectHandler {
    private static final String MESSAGES_PATH = "/v1/messages";
    /** What Helidon says instead of an unsafe message; it tells the caller nothing, so ours replaces it. */
    private static final String HELIDON_GENERIC = "Bad request, see server log";

    private final IngressFormat openAi;
    private final IngressFormat anthropic;
    private final long maxBodyBytes;

    ProtocolErrors(IngressFormat openAi, IngressFormat anthropic, long maxBodyBytes) {
        this.openAi = openAi;
        this.anthropic = anthropic;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** This handler for every kind of event Helidon handles directly. */
    DirectHandlers asDirectHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, this);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String path = safePath(request);
        IngressFormat format = MESSAGES_PATH.equals(path) || CountTokensEndpoint.PATH.equals(path) ? anthropic : openAi;
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(format.renderError(describe(status, message)))
                .build();
    }

    private ArbiterException describe(Status status, String message) {
        int code = status.code();
        if (code == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return new ArbiterException(ErrorKind.CALLER_PAYLOAD_TOO_LARGE, "The request body is larger than this gateway's limit of "
                    + maxBodyBytes + " bytes (server.max_body_bytes).", null, "payload_too_large", null);
        }
        if (code >= 500 && code != Status.HTTP_VERSION_NOT_SUPPORTED_505.code()) {
            return new ArbiterException(ErrorKind.GATEWAY_INTERNAL_ERROR,
                    "The gateway failed while reading this request; the failure was logged.", null, "internal_error", null);
        }
        String detail = message == null || message.isBlank() || message.startsWith(HELIDON_GENERIC) ? "" : " (" + headline(message) + ")";
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request is not valid HTTP/1.1" + detail
                + ": check the request line, the headers and the body framing.", null, "invalid_http", null);
    }

    /** Helidon's first line only: it follows it with a hex dump of the offending bytes. */
    private static String headline(String message) {
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).strip();
        return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
    }

    /** The path of a request that may not have parsed far enough to have one. */
    private static String safePath(TransportRequest request) {
        try {
            return request.path();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
