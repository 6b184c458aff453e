package dev.arbiter.core.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Virtual key secrets: new ones ({@code sk-arb-} and 40 base62 characters, about 238 random bits), their SHA-256
 * hex hash (all a store keeps), their display prefix, and new key ids. Every store uses these so a key issued by
 * one works with all.
 */
public final class KeySecrets {
    /** What every Arbiter virtual key starts with. */
    public static final String SCHEME = "sk-arb-";
    /** How many characters of a secret are kept and shown to recognise it ({@code sk-arb-} and 5 more). */
    public static final int PREFIX_LENGTH = 12;
    static final int RANDOM_CHARS = 40;
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    /** A new secret; shown to the caller once and never stored. */
    public static String generate() {
        return SCHEME + random(RANDOM_CHARS);
    }

    /** A new key id ({@code key_} and 16 base62 characters): stable, safe to show and log, unrelated to the secret. */
    public static String newId() {
        return "key_" + random(16);
    }

    /** The lower-case hex SHA-256 of the secret's UTF-8 bytes: what stores index keys by. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first {@value #PREFIX_LENGTH} characters, for people to recognise a key by (the whole text if shorter). */
    public static String prefix(String secret) {
        return secret.length() <= PREFIX_LENGTH ? secret : secret.substring(0, PREFIX_LENGTH);
    }

    /** Whether the text has the shape of an Arbiter key (used only to word error messages). */
    public static boolean looksLikeKey(String text) {
        if (text == null || text.length() != SCHEME.length() + RANDOM_CHARS || !text.startsWith(SCHEME)) {
            return false;
        }
        return text.substring(SCHEME.length()).chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }
}
