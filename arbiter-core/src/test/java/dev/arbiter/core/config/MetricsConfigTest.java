package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server.metrics}, {@code server.metrics_histogram} and {@code server.metrics_auth} keys. */
class MetricsConfigTest {
    @TempDir
    Path dir;

    @Test
    void metricsAreOnAndHistogramsOffByDefault() {
        ServerConfig server = new ConfigFixture(dir).load("server: {port: 9000}\n").server();

        assertThat(server.metrics()).isTrue();
        assertThat(server.metricsHistogram()).isFalse();
        assertThat(server.metricsAuth()).isFalse();
    }

    @Test
    void theScrapeCanBePutBehindTheAdminKey() {
        ServerConfig server = new ConfigFixture(dir).load("server: {metrics_auth: true, port: 9000}\n").server();

        assertThat(server.metricsAuth()).isTrue();
        assertThat(server.withPort(0).metricsAuth()).isTrue();
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
