package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server.shutdown_grace_ms} key. */
class ShutdownGraceConfigTest {
    @TempDir
    Path dir;

    @Test
    void requestsInFlightGetThirtySecondsToFinishByDefault() {
        ServerConfig server = new ConfigFixture(dir).load("server: {port: 9000}\n").server();

        assertThat(server.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theGraceIsSetInMilliseconds() {
        ServerConfig server = new ConfigFixture(dir).load("server: {shutdown_grace_ms: 120000}\n").server();

        assertThat(server.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aNegativeGraceIsAnErrorNamingTheKeyAndLine() {
        ConfigException e = new ConfigFixture(dir).error("server:\n  shutdown_grace_ms: -1\n");

        assertThat(e.getMessage()).contains("shutdown_grace_ms").contains("-1").contains("2");
    }
}
