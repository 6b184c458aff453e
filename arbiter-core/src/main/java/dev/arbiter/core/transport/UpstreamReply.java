package dev.arbiter.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An upstream's answer with its body still to be read: status, headers (case-insensitive names, copied on demand),
 * the declared Content-Length as the HTTP client parsed it (-1 for a chunked body) and the body.
 * Closing it before the body is fully read drops the connection, which cancels the upstream call.
 */
record UpstreamReply(int status, Supplier<Map<String, List<String>>> headerMap, long contentLength, InputStream body,
                     AutoCloseable connection)
        implements AutoCloseable {

    /** The headers, copied from the client's response only when asked for (errors and Retry-After need them). */
    Map<String, List<String>> headers() {
        return headerMap.get();
    }

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
