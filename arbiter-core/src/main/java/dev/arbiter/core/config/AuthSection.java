package dev.arbiter.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code auth} mapping ({@code admin_key}, {@code key_cache_ms}). The admin key comes from
 * {@code auth.admin_key} when that is set and not empty, else from the environment variable
 * {@value #ADMIN_KEY_ENV}; with neither the gateway runs open. Write {@code admin_key: ${ARBITER_ADMIN_KEY:-}} (with
 * the {@code :-}) to name the variable in the file and still allow it to be unset: a bare {@code ${ARBITER_ADMIN_KEY}}
 * is an error when the variable is unset, like every other reference.
 */
final class AuthSection {
    static final String ADMIN_KEY_ENV = "ARBITER_ADMIN_KEY";
    /** Short admin keys can be guessed; 16 characters is the least accepted. */
    static final int MIN_ADMIN_KEY_LENGTH = 16;
    private static final Set<String> KEYS = Set.of("admin_key", "key_cache_ms");

    private AuthSection() {
    }

    /** The section at {@code c} (null when the file has no {@code auth} mapping), with the environment fallback. */
    static AuthConfig read(Cursor c, Map<String, String> env) {
        if (c == null || c.isNull()) {
            return new AuthConfig(fromEnvironment(env), AuthConfig.DEFAULT_KEY_CACHE);
        }
        Fields f = c.fields(KEYS);
        String configured = f.optional("admin_key").map(AuthSection::adminKey).orElse(null);
        Duration cache = f.optional("key_cache_ms").map(AuthSection::keyCache).orElse(AuthConfig.DEFAULT_KEY_CACHE);
        return new AuthConfig(configured != null ? configured : fromEnvironment(env), cache);
    }

    /** The configured key, or null when the value is empty (e.g. an unset variable with an empty default). */
    private static String adminKey(Cursor c) {
        String text = c.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        String problem = problem(text);
        if (problem != null) {
            throw c.error(problem);
        }
        return text;
    }

    private static String fromEnvironment(Map<String, String> env) {
        String text = env.get(ADMIN_KEY_ENV);
        if (text == null || text.isBlank()) {
            return null;
        }
        String problem = problem(text);
        if (problem != null) {
            throw ConfigException.environment(ADMIN_KEY_ENV, problem);
        }
        return text;
    }

    /** What is wrong with an admin key, without ever echoing it; null when it is acceptable. */
    private static String problem(String key) {
        if (key.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            return "the admin key must not contain spaces or control characters";
        }
        if (key.length() < MIN_ADMIN_KEY_LENGTH) {
            return "the admin key is " + key.length() + " characters long; use at least " + MIN_ADMIN_KEY_LENGTH
                    + " random ones (e.g. the output of `openssl rand -hex 24`)";
        }
        return null;
    }

    private static Duration keyCache(Cursor c) {
        long ms = c.longValue();
        if (ms < 0) {
            throw c.error("must be zero (no caching) or a positive number of milliseconds, got " + ms);
        }
        return Duration.ofMillis(ms);
    }
}
