package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.tenancy.KeyStore;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@code arbiter keys} gets its key store: a function of the loaded config. The storage module installs the
 * real one (SQLite or PostgreSQL from {@code storage}); until then every keys command says storage is missing.
 * A store that is {@link AutoCloseable} is closed when the command ends.
 */
public final class KeyStores {
    private static volatile Function<GatewayConfig, KeyStore> opener = KeyStores::missing;

    private KeyStores() {
    }

    /** Makes {@code arbiter keys} open its store with this function from now on. */
    public static void use(Function<GatewayConfig, KeyStore> newOpener) {
        opener = Objects.requireNonNull(newOpener, "newOpener");
    }

    /** Back to the default that says storage is missing (for tests). */
    static void reset() {
        opener = KeyStores::missing;
    }

    static KeyStore open(GatewayConfig config) {
        return opener.apply(config);
    }

    private static KeyStore missing(GatewayConfig config) {
        throw new Unavailable("this build of arbiter has no key storage wired in, so keys cannot be issued or"
                + " listed from the command line; use the admin API of a running gateway (POST /admin/keys)");
    }

    /** The key store cannot be opened (not wired in, unreachable database, ...): the message says why. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
