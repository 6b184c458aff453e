package dev.arbiter.embeddings;

import java.nio.charset.StandardCharsets;

/** FNV-1a, 64-bit: a fixed, platform-independent hash for sampling rows and keying cached embeddings. */
final class Fnv {
    private Fnv() {
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
