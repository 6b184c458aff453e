package dev.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code arbiter serve} refuses a bad config at start, naming the file position and the offending key. */
class ServeCommandTest {

    @Test
    void aConfigErrorStopsTheStartWithTheFilePositionAndKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("arbiter.yaml");
        Files.writeString(config, """
                providers:
                  - id: local
                    type: openai
                    base_url: http://127.0.0.1:9000/v1
                models:
                  - id: local/small
                    provider: local
                    price: {input: cheap, output: 0.40}
                    context_window: 128000
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new ArbiterCli()).execute("serve", "--config", config.toString(), "--port", "0");
        } finally {
            System.setErr(previous);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("arbiter.yaml:8:")
                .contains("models[0].price.input");
    }
}
