package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body whole, refusing (413) one over the configured limit without buffering past it. */
final class BodyReader {
    private final long maxBytes;

    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(ServerRequest req) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        if (!req.content().hasEntity()) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request has no body; send a JSON object.",
                    null, "missing_body", null);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException | UncheckedIOException e) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request body could not be read: " + e.getMessage(),
                    null, "unreadable_body", null);
        }
    }

    private ArbiterException tooLarge() {
        return new ArbiterException(ErrorKind.CALLER_PAYLOAD_TOO_LARGE,
                "The request body is larger than this gateway's limit of " + maxBytes + " bytes (server.max_body_bytes).",
                null, "payload_too_large", null);
    }
}
