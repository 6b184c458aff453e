package dev.arbiter.cli.replicas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gateway process ({@code arbiter serve}) started from this test's class path, as an operator would run a
 * replica: its own JVM, its own port, the shared config. Stopping it sends SIGTERM, so it shuts down gracefully.
 */
final class Replica implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Arbiter is serving on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> output;

    private Replica(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    static Replica start(Path config) throws IOException, InterruptedException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.arbiter.cli.ArbiterCli",
                "serve", "--config", config.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> pump(process, output, port));
        try {
            return new Replica(process, port.get(90, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the replica did not start; its output:\n" + String.join("\n", output), e);
        }
    }

    private static void pump(Process process, List<String> output, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("exited before serving"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGTERM and wait: in-flight requests finish and the ledger flushes before the process exits. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the replica did not stop within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
