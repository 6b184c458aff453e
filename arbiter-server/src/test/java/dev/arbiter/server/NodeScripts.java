package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the ESM scripts of {@code clients/node} (the official {@code openai} npm package) with Node.js: installs the
 * pinned package with {@code npm ci} when {@code node_modules} lacks it, and runs one script against a gateway,
 * returning the JSON line it prints. Without {@code node} and {@code npm} on the PATH {@link #requireNode()} aborts
 * the calling test (reported as skipped) saying what to install; CI has both.
 */
final class NodeScripts {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;

    private NodeScripts(Path dir) {
        this.dir = dir;
    }

    private static final String MISSING = "Node.js clients skipped: install Node.js 20 or newer with npm"
            + " (node and npm on the PATH) to run the openai npm package against the gateway";

    /** Whether node and npm are on the PATH. */
    static boolean nodeAvailable() {
        return version("node") != null && version("npm") != null;
    }

    /** Aborts the calling test, with what to install, when node and npm are missing. */
    static void requireNode(boolean available) {
        Assumptions.assumeTrue(available, MISSING);
    }

    /** The scripts, ready to run, with the openai package installed; call only when {@link #nodeAvailable()}. */
    static NodeScripts prepare() {
        Path dir = locate();
        if (!Files.isRegularFile(dir.resolve("node_modules/openai/package.json"))) {
            Result install = exec(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), INSTALL_TIMEOUT);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + dir + " (exit " + install.exitCode() + "):\n" + install.stderr());
            }
        }
        return new NodeScripts(dir);
    }

    /** Runs {@code script} against the gateway at {@code gateway} asking {@code model}; its printed JSON. */
    JsonNode run(String script, URI gateway, String model) {
        Result result = exec(dir, List.of("node", script),
                Map.of("ARBITER_BASE_URL", gateway.toString(), "ARBITER_MODEL", model), SCRIPT_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new AssertionError("node " + script + " failed (exit " + result.exitCode() + "):\n" + result.stderr());
        }
        String out = result.stdout().strip();
        return Json.parse(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** {@code clients/node} of the repository; tests run with the module directory as the working directory. */
    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("clients/node/package.json"))) {
                return p.resolve("clients/node");
            }
        }
        throw new IllegalStateException("clients/node/package.json not found above " + start);
    }

    /** The tool's version, or null when it is not on the PATH. */
    private static String version(String tool) {
        try {
            Result r = exec(Path.of("").toAbsolutePath(), List.of(tool, "--version"), Map.of(), Duration.ofSeconds(20));
            return r.exitCode() == 0 ? r.stdout().strip() : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command to completion (or kills it at the timeout), reading both outputs concurrently. */
    private static Result exec(Path dir, List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
