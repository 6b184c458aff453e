package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.tenancy.KeySecrets;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <admin key>} on admin requests. Both sides are hashed before a constant-time
 * comparison, so neither the timing nor the length of the key leaks. Virtual keys never pass.
 */
final class AdminAuth {
    private static final String BEARER = "bearer ";
    private final byte[] adminKeyHash;

    AdminAuth(String adminKey) {
        this.adminKeyHash = digest(adminKey);
    }

    /** Returns normally for the admin key; throws a 401 saying what was wrong otherwise. */
    void check(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").strip();
        if (header.isEmpty() || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthorized("The admin API needs the admin key as 'Authorization: Bearer <admin key>'.",
                    "missing_admin_key");
        }
        String presented = header.substring(BEARER.length()).strip();
        if (!MessageDigest.isEqual(digest(presented), adminKeyHash)) {
            throw unauthorized(presented.startsWith(KeySecrets.SCHEME)
                    ? "Virtual keys cannot use the admin API; send the admin key (ARBITER_ADMIN_KEY or auth.admin_key)."
                    : "The admin key is wrong.", "invalid_admin_key");
        }
    }

    private static ArbiterException unauthorized(String message, String code) {
        return new ArbiterException(ErrorKind.CALLER_UNAUTHORIZED, message, null, code, null);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
