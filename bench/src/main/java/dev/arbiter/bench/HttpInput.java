package dev.arbiter.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/** Buffered reader of HTTP/1.1 request lines, headers and bodies (fixed-length or chunked) from one socket. */
final class HttpInput {
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    HttpInput(InputStream in) {
        this.in = in;
    }

    /** The next line without its CR LF, or null when the peer closed the connection before sending a byte of it. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.max(16, pos - start));
            }
            line.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
            if (line.length() > MAX_LINE) {
                throw new ProtocolException("header line longer than " + MAX_LINE + " bytes");
            }
            if (pos < limit) {
                pos++; // the '\n'
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
        }
    }

    byte[] readFully(long length) throws IOException {
        if (length > MAX_BODY) {
            throw new ProtocolException("body of " + length + " bytes is over the " + MAX_BODY + " byte limit");
        }
        byte[] body = new byte[(int) length];
        int done = 0;
        while (done < body.length) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            int n = Math.min(limit - pos, body.length - done);
            System.arraycopy(buf, pos, body, done, n);
            pos += n;
            done += n;
        }
        return body;
    }

    byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = require(readLine());
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size '" + hex + "'");
            }
            if (size == 0) {
                while (!require(readLine()).isEmpty()) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new ProtocolException("chunked body is over the " + MAX_BODY + " byte limit");
            }
            body.writeBytes(readFully(size));
            require(readLine()); // the CR LF closing the chunk
        }
    }

    private static String require(String line) throws EOFException {
        if (line == null) {
            throw new EOFException("connection closed inside a chunked body");
        }
        return line;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
