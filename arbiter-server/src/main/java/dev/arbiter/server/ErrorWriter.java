package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.IngressFormat;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;

/** Sends an error in the caller's API format with its HTTP status and Retry-After; unexpected failures become a logged 500. */
final class ErrorWriter {
    private static final System.Logger LOG = System.getLogger(ErrorWriter.class.getName());
    private final IngressFormat format;

    ErrorWriter(IngressFormat format) {
        this.format = format;
    }

    void send(ServerResponse res, ArbiterException e) {
        if (res.isSent()) {
            return;
        }
        res.status(e.status());
        if (e.retryAfter() != null) {
            res.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        res.header("Content-Type", "application/json");
        res.send(format.renderError(e));
    }

    /** A bug, not bad input: log it with its stack trace, tell the caller only that it happened. */
    void sendUnexpected(ServerResponse res, RuntimeException e) {
        LOG.log(Level.ERROR, "unexpected failure while handling a request", e);
        send(res, new ArbiterException(ErrorKind.GATEWAY_INTERNAL_ERROR,
                "The gateway failed unexpectedly while handling this request; the failure was logged.",
                null, "internal_error", null));
    }
}
