package dev.arbiter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.arbiter.core.config.ConfigException;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.tenancy.KeyStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Shared shape of the {@code arbiter keys} subcommands: load the config, open the key store through
 * {@link KeyStores}, act on it, close it. Exit codes: 0 done, 1 the store failed or the key was not found,
 * 2 bad input (options or config), each with one line on stderr.
 */
abstract class KeysSubcommand implements Callable<Integer> {
    private static final ObjectWriter JSON = Json.MAPPER.writerWithDefaultPrettyPrinter()
            .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (its storage section names the store).")
    Path config;

    /** Bad input found by a subcommand: exit code 2. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** A failure the caller should read (e.g. no such key): exit code 1. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        try {
            validate();
            GatewayConfig gateway = ConfigLoader.load(config, System.getenv());
            KeyStore store = KeyStores.open(gateway);
            try {
                execute(store, out());
            } finally {
                close(store);
            }
            return 0;
        } catch (ConfigException e) {
            return fail(2, "invalid config: " + e.getMessage());
        } catch (BadInput | IllegalArgumentException e) {
            return fail(2, e.getMessage());
        } catch (ArbiterException e) {
            return fail(e.status() == 400 ? 2 : 1, e.getMessage());
        } catch (KeyStores.Unavailable | Failed e) {
            return fail(1, e.getMessage());
        } catch (RuntimeException e) { // a database error from the store: one line, not a stack trace
            return fail(1, "the key store failed: " + e);
        }
    }

    /** Checks the options before anything is opened; throws BadInput. */
    void validate() {
    }

    abstract void execute(KeyStore store, PrintWriter out);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private int fail(int code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("arbiter: " + message);
        err.flush();
        return code;
    }

    private static void close(KeyStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new KeyStores.Unavailable("the key store failed to close: " + e.getMessage(), e);
            }
        }
    }
}
