package dev.arbiter.core.config;

/** Where the gateway listens and how large a request body it accepts. */
public record ServerConfig(String host, int port, long maxBodyBytes) {
    public static final ServerConfig DEFAULTS = new ServerConfig("127.0.0.1", 8080, 16L * 1024 * 1024);

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxBodyBytes);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes);
    }
}
