package dev.arbiter.core.config;

import java.time.Duration;

/**
 * Where the gateway listens, how large a request body it accepts, whether it serves {@code GET /metrics}
 * (Prometheus text) and whether that needs the admin key, whether the request latency timer also publishes histogram
 * buckets, and how long a stopping gateway lets the requests in flight finish before it cuts them off.
 */
public record ServerConfig(String host, int port, long maxBodyBytes, boolean metrics, boolean metricsHistogram,
                           Duration shutdownGrace, boolean metricsAuth) {
    /** Long enough for most answers in flight, and what Kubernetes allows a pod to stop by default. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080, 16L * 1024 * 1024);

    /** Metrics on, histogram buckets off, 30 s to finish on shutdown (the defaults). */
    public ServerConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, true, false);
    }

    /** With the default shutdown grace. */
    public ServerConfig(String host, int port, long maxBodyBytes, boolean metrics, boolean metricsHistogram) {
        this(host, port, maxBodyBytes, metrics, metricsHistogram, DEFAULT_SHUTDOWN_GRACE, false);
    }

    /** {@code /metrics} open to anyone who can reach the port (Prometheus' usual set-up). */
    public ServerConfig(String host, int port, long maxBodyBytes, boolean metrics, boolean metricsHistogram,
                        Duration shutdownGrace) {
        this(host, port, maxBodyBytes, metrics, metricsHistogram, shutdownGrace, false);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxBodyBytes, metrics, metricsHistogram, shutdownGrace, metricsAuth);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, metrics, metricsHistogram, shutdownGrace, metricsAuth);
    }
}
