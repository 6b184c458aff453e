package dev.arbiter.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * An upstream's answer with its body still to be read: status, headers (case-insensitive names), the declared
 * Content-Length as the HTTP client parsed it (-1 for a chunked body) and the body.
 * Closing it before the body is fully read drops the connection, which cancels the upstream call.
 */
record UpstreamReply(int status, Map<String, List<String>> headers, long contentLength, InputStream body,
                     AutoCloseable connection)
        implements AutoCloseable {

    boolean isSuccess() {
        return status / 100 == 2;
    }

    /** The whole body, up to {@code limit} bytes. */
    byte[] readBody(int limit) throws IOException {
        return Bodies.read(body, contentLength, limit);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception ignored) {
            // best effort: the connection is discarded either way
        }
    }
}
