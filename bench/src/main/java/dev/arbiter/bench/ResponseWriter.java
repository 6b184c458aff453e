package dev.arbiter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one HTTP/1.1 response: a whole JSON body with Content-Length, or an SSE stream in chunked encoding. */
final class ResponseWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final boolean keepAlive;

    ResponseWriter(OutputStream out, boolean keepAlive) {
        this.out = out;
        this.keepAlive = keepAlive;
    }

    void json(int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = statusLine(status)
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + connectionHeader() + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Sends the head of an event stream at once, as OpenAI does, before the first event is ready. */
    void startEventStream() throws IOException {
        String head = statusLine(200)
                + "Content-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + connectionHeader() + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes one {@code data:} event as its own chunk and flushes it, so timing knobs reach the wire as set. */
    void event(String data) throws IOException {
        byte[] bytes = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write(Integer.toHexString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(bytes);
        out.write(CRLF);
        out.flush();
    }

    void endEventStream() throws IOException {
        out.write(LAST_CHUNK);
        out.flush();
    }

    private String connectionHeader() {
        return keepAlive ? "" : "Connection: close\r\n";
    }

    private static String statusLine(int status) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Status";
        };
        return "HTTP/1.1 " + status + " " + reason + "\r\nServer: arbiter-mock\r\n";
    }
}
