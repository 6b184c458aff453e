package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.transport.Bodies;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
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
        // Not closed: a stream Helidon failed on cannot be drained; Helidon drains or drops the rest itself.
        InputStream in = req.content().inputStream();
        byte[] body;
        try {
            body = Bodies.read(in, declared, (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        } catch (RequestException e) {
            // Helidon refuses the chunk that takes a chunked body past the limit, or chunk framing it cannot parse.
            boolean tooLarge = e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code();
            throw tooLarge ? tooLarge() : unreadable("its chunked framing is invalid");
        } catch (IOException | UncheckedIOException e) {
            throw unreadable("the connection failed while it was sent");
        } catch (RuntimeException e) {
            // Only Helidon's entity decoding runs here; it throws e.g. NumberFormatException for a chunk size that is not hex.
            throw unreadable("its chunked framing is invalid");
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private static ArbiterException unreadable(String why) {
        return new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST, "The request body could not be read: " + why + ".",
                null, "unreadable_body", null);
    }

    private ArbiterException tooLarge() {
        return new ArbiterException(ErrorKind.CALLER_PAYLOAD_TOO_LARGE,
                "The request body is larger than this gateway's limit of " + maxBytes + " bytes (server.max_body_bytes).",
                null, "payload_too_large", null);
    }
}
