package dev.arbiter.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** One Lua script shipped next to this class, with the SHA-1 Redis knows it by (for EVALSHA). */
record Script(String name, String source, String sha) {
    static final Script RESERVE = load("reserve.lua");
    static final Script SEED = load("seed.lua");
    static final Script SETTLE = load("settle.lua");
    static final Script GCRA = load("gcra.lua");
    static final Script GCRA_CORRECT = load("gcra_correct.lua");
    static final List<Script> ALL = List.of(RESERVE, SEED, SETTLE, GCRA, GCRA_CORRECT);

    static Script load(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + name + " is missing from the classpath");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Script(name, source, sha1(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + name, e);
        }
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
