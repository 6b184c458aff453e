package dev.arbiter.core.config;

/**
 * Where the gateway listens, how large a request body it accepts, whether it serves {@code GET /metrics}
 * (Prometheus text) and whether the request latency timer also publishes histogram buckets.
 */
public record ServerConfig(String host, int port, long maxBodyBytes, boolean metrics, boolean metricsHistogram) {
    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080, 16L * 1024 * 1024);

    /** Metrics on, histogram buckets off (the defaults). */
    public ServerConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, true, false);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxBodyBytes, metrics, metricsHistogram);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, metrics, metricsHistogram);
    }
}
