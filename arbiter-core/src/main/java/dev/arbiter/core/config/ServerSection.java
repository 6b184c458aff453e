package dev.arbiter.core.config;

import java.time.Duration;
import java.util.Set;

/** Reads the {@code server} mapping; absent keys keep {@link ServerConfig#DEFAULTS}. */
final class ServerSection {
    private static final Set<String> KEYS = Set.of("host", "port", "max_body_bytes", "metrics", "metrics_histogram",
            "metrics_auth", "shutdown_grace_ms");
    private static final long MAX_GRACE_MS = 3_600_000;

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
        boolean metricsAuth = f.optional("metrics_auth").map(Cursor::bool).orElse(d.metricsAuth());
        Duration grace = f.optional("shutdown_grace_ms").map(ServerSection::grace).orElse(d.shutdownGrace());
        return new ServerConfig(host, port, maxBody, metrics, histogram, grace, metricsAuth);
    }

    private static int port(Cursor c) {
        int port = c.intValue();
        if (port < 0 || port > 65535) {
            throw c.error("port must be between 0 and 65535 (0 picks a free port), got " + port);
        }
        return port;
    }

    private static Duration grace(Cursor c) {
        long millis = c.longValue();
        if (millis < 0 || millis > MAX_GRACE_MS) {
            throw c.error("shutdown_grace_ms must be between 0 and " + MAX_GRACE_MS + ", got " + millis);
        }
        return Duration.ofMillis(millis);
    }

    private static long maxBody(Cursor c) {
        long bytes = c.longValue();
        if (bytes <= 0) {
            throw c.error("max_body_bytes must be positive, got " + bytes);
        }
        return bytes;
    }
}
