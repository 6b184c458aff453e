package dev.arbiter.core.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an HTTP body whole with as little copying as the framing allows. With a declared length the body is read
 * straight into one array of exactly that size: {@code InputStream.readNBytes(int)} would instead allocate 16 KB
 * chunks and copy them, and Helidon sizes each read buffer by the length asked for, so reading a 300-byte body that
 * way cost two 16 KB buffers per request on each side of the gateway (half of all allocation under load).
 */
public final class Bodies {
    private static final int CHUNK = 4096;

    private Bodies() {
    }

    /**
     * The body, or its first {@code limit + 1} bytes when it is longer than {@code limit} (so callers can tell
     * "too large" apart). {@code declaredLength} is the Content-Length, or negative when the body is chunked.
     */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength >= 0 && declaredLength <= limit) {
            byte[] body = new byte[(int) declaredLength];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                return Arrays.copyOf(body, read);
            }
            // Reading on to the end lets the HTTP layer see the entity consumed and keep the connection alive.
            int next = in.read();
            return next < 0 ? body : readOnPastDeclared(body, next, in, limit);
        }
        return readChunked(in, limit);
    }

    /** A body longer than it declared (only a misbehaving peer sends one): keep what it sent, up to the limit. */
    private static byte[] readOnPastDeclared(byte[] declared, int next, InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared.length + CHUNK);
        out.write(declared);
        out.write(next);
        out.write(readChunked(in, Math.max(0, limit - out.size())));
        return out.toByteArray();
    }

    private static byte[] readChunked(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        long max = (long) limit + 1;
        int n;
        while (out.size() < max && (n = in.read(chunk, 0, (int) Math.min(CHUNK, max - out.size()))) >= 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
