package dev.arbiter.bench;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.Locale;

/** The parts of an HTTP/1.1 request head the mock acts on: method, path, body framing and connection reuse. */
record RequestHead(String method, String path, long contentLength, boolean chunked, boolean keepAlive,
                   boolean expectContinue) {

    private static final int MAX_HEADERS = 128;

    /** Reads one request head, or returns null when the client closed an idle keep-alive connection. */
    static RequestHead read(HttpInput in) throws IOException {
        String requestLine = in.readLine();
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = in.readLine(); // tolerate stray CR LF between requests (RFC 9112 section 2.2)
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new ProtocolException("bad request line '" + requestLine + "'");
        }
        Builder head = new Builder(parts[0], stripQuery(parts[1]), parts[2].equals("HTTP/1.1"));
        for (int count = 0; ; count++) {
            String line = in.readLine();
            if (line == null) {
                throw new ProtocolException("connection closed inside the request head");
            }
            if (line.isEmpty()) {
                return head.build();
            }
            if (count >= MAX_HEADERS) {
                throw new ProtocolException("more than " + MAX_HEADERS + " header lines");
            }
            head.header(line);
        }
    }

    private static String stripQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Accumulates header values while the head is read. */
    private static final class Builder {
        private final String method;
        private final String path;
        private long contentLength;
        private boolean chunked;
        private boolean keepAlive;
        private boolean expectContinue;

        Builder(String method, String path, boolean http11) {
            this.method = method;
            this.path = path;
            this.keepAlive = http11; // HTTP/1.0 closes unless it asks otherwise
        }

        void header(String line) throws ProtocolException {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("bad header line '" + line + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
                case "expect" -> expectContinue = value.equals("100-continue");
                default -> {
                    // not needed by the mock
                }
            }
        }

        private static long parseLength(String value) throws ProtocolException {
            try {
                long length = Long.parseLong(value);
                if (length < 0) {
                    throw new NumberFormatException();
                }
                return length;
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length '" + value + "'");
            }
        }

        RequestHead build() {
            return new RequestHead(method, path, contentLength, chunked, keepAlive, expectContinue);
        }
    }
}
