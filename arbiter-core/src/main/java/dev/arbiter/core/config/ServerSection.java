package dev.arbiter.core.config;

import java.util.Set;

/** Reads the {@code server} mapping; absent keys keep {@link ServerConfig#DEFAULTS}. */
final class ServerSection {
    private static final Set<String> KEYS = Set.of("host", "port", "max_body_bytes", "metrics", "metrics_histogram");

    private ServerSection() {
    }

    static ServerConfig read(Cursor c) {
        Fields f = c.fields(KEYS);
        ServerConfig d = ServerConfig.DEFAULTS;
        String host = f.optional("host").map(ModelReader::name).orElse(d.host());
        int port = f.optional("port").map(ServerSection::port).orElse(d.port());
        long maxBody = f.optional("max_body_bytes").map(ServerSection::maxBody).orElse(d.maxBodyBytes());
        boolean metrics = f.optional("metrics").map(Cursor::bool).orElse(d.metrics());
        boolean histogram = f.optional("metrics_histogram").map(Cursor::bool).orElse(d.metricsHistogram());
        return new ServerConfig(host, port, maxBody, metrics, histogram);
    }

    private static int port(Cursor c) {
        int port = c.intValue();
        if (port < 0 || port > 65535) {
            throw c.error("port must be between 0 and 65535 (0 picks a free port), got " + port);
        }
        return port;
    }

    private static long maxBody(Cursor c) {
        long bytes = c.longValue();
        if (bytes <= 0) {
            throw c.error("max_body_bytes must be positive, got " + bytes);
        }
        return bytes;
    }
}
