package dev.arbiter.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A mock OpenAI-compatible upstream for load tests: a small HTTP/1.1 keep-alive server on 127.0.0.1 with one
 * virtual thread per connection, whose latency, time to first token and stream shape come from the model name
 * (see {@link MockKnobs}), so a gateway in front of it forwards them untouched.
 *
 * <p>Usage: {@code java -jar mock-upstream.jar [--port N]}; port 0 (the default) picks a free port. Once bound it
 * prints {@code LISTENING <port>} on stdout.
 */
public final class MockUpstream {
    private static final int BACKLOG = 4096;

    private MockUpstream() {
    }

    public static void main(String[] args) throws IOException {
        int port = parsePort(args);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        // Loopback only: this server exists to be hammered by a load generator on the same machine.
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        System.out.println("LISTENING " + server.getLocalPort());
        System.out.flush();
        MockRoutes routes = new MockRoutes();
        while (!server.isClosed()) {
            Socket socket = server.accept();
            Thread.ofVirtual().name("mock-conn").start(new MockConnection(socket, routes));
        }
    }

    static int parsePort(String[] args) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
                case "--help", "-h" -> {
                    System.out.println("usage: MockUpstream [--port N]   (0 = any free port; binds 127.0.0.1)");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        return port;
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
