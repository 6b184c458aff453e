package dev.arbiter.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Serves the requests of one keep-alive connection in turn, on its own virtual thread. */
final class MockConnection implements Runnable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final MockRoutes routes;

    MockConnection(Socket socket, MockRoutes routes) {
        this.socket = socket;
        this.routes = routes;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true); // SSE events are small: Nagle would hold them back
            HttpInput in = new HttpInput(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            serve(in, out);
        } catch (IOException e) {
            // The client went away or broke the protocol: normal at the end of a load run.
        }
    }

    private void serve(HttpInput in, OutputStream out) throws IOException {
        while (true) {
            RequestHead head;
            byte[] body;
            try {
                head = RequestHead.read(in);
                if (head == null) {
                    return;
                }
                if (head.expectContinue()) {
                    out.write(CONTINUE);
                    out.flush();
                }
                body = head.chunked() ? in.readChunked() : in.readFully(head.contentLength());
            } catch (ProtocolException e) {
                new ResponseWriter(out, false).json(400, OpenAiBodies.error(e.getMessage(), "invalid_request_error", null));
                return;
            }
            routes.handle(head, body, new ResponseWriter(out, head.keepAlive()));
            if (!head.keepAlive()) {
                return;
            }
        }
    }
}
