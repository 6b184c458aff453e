package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server.metrics} and {@code server.metrics_histogram} keys. */
class MetricsConfigTest {
    @TempDir
    Path dir;

    @Test
    void metricsAreOnAndHistogramsOffByDefault() {
        ServerConfig server = new ConfigFixture(dir).load("server: {port: 9000}\n").server();

        assertThat(server.metrics()).isTrue();
        assertThat(server.metricsHistogram()).isFalse();
    }

    @Test
    void metricsCanBeTurnedOffAndHistogramsOn() {
        ServerConfig server = new ConfigFixture(dir).load("server: {metrics: false, metrics_histogram: true}\n").server();

        assertThat(server.metrics()).isFalse();
        assertThat(server.metricsHistogram()).isTrue();
    }

    @Test
    void aMetricsFlagThatIsNotABooleanIsAnErrorNamingTheLine() {
        ConfigException e = new ConfigFixture(dir).error("server:\n  metrics: sometimes\n");

        assertThat(e.getMessage()).contains("true or false").contains("2");
    }
}
