package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes YAML to a temporary config file and loads it, or captures the ConfigException it causes. */
final class ConfigFixture {
    private final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
    }

    Path write(String yaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "arbiter", ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GatewayConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(write(yaml), env);
    }

    GatewayConfig load(String yaml) {
        return load(yaml, Map.of());
    }

    ConfigException error(String yaml) {
        return error(yaml, Map.of());
    }

    ConfigException error(String yaml, Map<String, String> env) {
        Path file = write(yaml);
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> ConfigLoader.load(file, env))
                .isInstanceOf(ConfigException.class)
                .satisfies(t -> caught[0] = t);
        return (ConfigException) caught[0];
    }
}
