package dev.arbiter.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpstreamConnectionsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private RawUpstream upstream;

    @AfterEach
    void stop() throws IOException {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void sequentialRequestsShareOneKeepAliveConnection() throws Exception {
        upstream = new RawUpstream(false, 0);
        HttpTransport transport = transportTo(upstream);

        assertThat(call(transport)).isEqualTo("{\"n\":1}");
        assertThat(call(transport)).isEqualTo("{\"n\":2}");
        assertThat(call(transport)).isEqualTo("{\"n\":3}");

        assertThat(upstream.connections.get()).isEqualTo(1);
    }

    @Test
    void aConnectionTheUpstreamClosedWhileIdleIsReplacedWithoutTheCallerNoticing() throws Exception {
        upstream = new RawUpstream(true, 0); // closes after each answer, without saying "Connection: close"
        HttpTransport transport = transportTo(upstream);

        assertThat(call(transport)).isEqualTo("{\"n\":1}");
        Thread.sleep(50); // let the close reach this side
        assertThat(call(transport)).isEqualTo("{\"n\":2}");

        assertThat(upstream.connections.get()).isEqualTo(2);
    }

    @Test
    void aTimeoutOnAReusedConnectionIsNotSentAgain() throws Exception {
        upstream = new RawUpstream(false, 1); // answers the first request, then never again
        HttpTransport transport = transportTo(upstream);
        call(transport);

        ArbiterException e = assertThrows(ArbiterException.class,
                () -> transport.send(request(upstream), Duration.ofMillis(300)));

        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_TIMEOUT);
        assertThat(upstream.requests.get()).isEqualTo(2);
        assertThat(upstream.connections.get()).isEqualTo(1);
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsClosedInsteadOfReused() throws Exception {
        upstream = new RawUpstream(false, 0);
        AtomicLong now = new AtomicLong();
        URI base = upstream.baseUrl();
        UpstreamConnections pool = new UpstreamConnections(WebClient.builder().build(), base, Proxy.noProxy(),
                Duration.ofSeconds(20), 8, now::get);

        UpstreamConnections.Lease first = pool.acquire();
        first.connection().releaseResource();
        now.addAndGet(Duration.ofSeconds(19).toNanos());
        UpstreamConnections.Lease reused = pool.acquire();
        reused.connection().releaseResource();
        now.addAndGet(Duration.ofSeconds(21).toNanos());
        UpstreamConnections.Lease afterIdle = pool.acquire();

        assertThat(reused.reused()).isTrue();
        assertThat(reused.connection()).isSameAs(first.connection());
        assertThat(afterIdle.reused()).isFalse();
        assertThat(afterIdle.connection()).isNotSameAs(first.connection());
        upstream.awaitClosedConnections(1);
    }

    @Test
    void connectionsBeyondTheIdleLimitAreClosedWhenReleased() throws Exception {
        upstream = new RawUpstream(false, 0);
        UpstreamConnections pool = new UpstreamConnections(WebClient.builder().build(), upstream.baseUrl(),
                Proxy.noProxy(), Duration.ofSeconds(20), 1, System::nanoTime);
        UpstreamConnections.Lease a = pool.acquire();
        UpstreamConnections.Lease b = pool.acquire();

        a.connection().releaseResource();
        b.connection().releaseResource();

        assertThat(pool.idleCount()).isEqualTo(1);
        upstream.awaitClosedConnections(1);
        assertThat(pool.acquire().connection()).isSameAs(a.connection());
    }

    private static HttpTransport transportTo(RawUpstream upstream) {
        return new HttpTransport(new UpstreamSettings("raw", upstream.baseUrl(), null, Map.of(), null));
    }

    private static String call(HttpTransport transport) throws IOException {
        try (UpstreamReply reply = transport.send(request(transport), WAIT)) {
            return new String(reply.readBody(1 << 20), StandardCharsets.UTF_8);
        }
    }

    private static UpstreamRequest request(HttpTransport transport) {
        return new UpstreamRequest(transport.settings().resolve("chat/completions"),
                Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static UpstreamRequest request(RawUpstream upstream) {
        return new UpstreamRequest(upstream.baseUrl().resolve("/v1/chat/completions"),
                Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An HTTP/1.1 upstream on 127.0.0.1 that answers {@code {"n":<request number>}}; it can close each connection
     * after its answer (as a server whose keep-alive timeout passed would), or stop answering after some requests.
     */
    private static final class RawUpstream implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger closedByClient = new AtomicInteger();
        private final ServerSocket server;
        private final boolean closeAfterAnswer;
        private final int answerOnly;

        RawUpstream(boolean closeAfterAnswer, int answerOnly) throws IOException {
            this.closeAfterAnswer = closeAfterAnswer;
            this.answerOnly = answerOnly;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                while (readRequest(in)) {
                    int n = requests.incrementAndGet();
                    if (answerOnly > 0 && n > answerOnly) {
                        continue; // keep the connection open and say nothing
                    }
                    byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    if (closeAfterAnswer) {
                        return;
                    }
                }
                closedByClient.incrementAndGet();
            } catch (IOException gone) {
                // the client went away
            }
        }

        /** Reads one request (headers and a Content-Length body); false at the end of the connection. */
        private static boolean readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    int length = 0;
                    for (String line : head.toString().split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    return true;
                }
            }
            return false;
        }

        /** Waits (at most 5 s) until the client has closed {@code n} connections. */
        void awaitClosedConnections(int n) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (closedByClient.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(closedByClient.get()).isEqualTo(n);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
