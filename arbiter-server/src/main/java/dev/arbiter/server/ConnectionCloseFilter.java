package dev.arbiter.server;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection after answering a request that carried {@code Connection: close}, as HTTP/1.1 requires
 * (RFC 9112 §9.6). Helidon 4.3 sends the matching response header but then waits for another request on the socket
 * (helidon-io/helidon#12324, fixed only in releases this build cannot fetch), so a client that reads to the end of
 * the stream hangs until its own timeout. Once the answer is written, this filter ends the connection the way
 * Helidon itself does for a client that hung up: a {@link CloseConnectionException}, which bypasses the error
 * handlers and closes the socket after the response already sent.
 */
final class ConnectionCloseFilter {
    private ConnectionCloseFilter() {
    }

    static void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        if (req.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
            throw new CloseConnectionException("the client asked to close the connection after this response");
        }
    }
}
