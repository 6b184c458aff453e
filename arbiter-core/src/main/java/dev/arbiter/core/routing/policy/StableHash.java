package dev.arbiter.core.routing.policy;

/**
 * A 64-bit hash of a few strings that is the same on every JVM, run and platform (unlike
 * {@code String.hashCode}'s 32 weak bits): FNV-1a over the UTF-16 chars, each part length-prefixed so
 * ("ab","c") and ("a","bc") differ, finished with MurmurHash3's fmix64 avalanche.
 */
final class StableHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    static long hash(String... parts) {
        long h = FNV_OFFSET;
        for (String part : parts) {
            h = (h ^ part.length()) * FNV_PRIME;
            for (int i = 0; i < part.length(); i++) {
                h = (h ^ part.charAt(i)) * FNV_PRIME;
            }
            h = fmix64(h); // a full mix between parts, so a part's tail cannot cancel the next one's head
        }
        return fmix64(h);
    }

    /** The hash mapped to a uniform double in (0, 1), never exactly 0 or 1. */
    static double unit(long hash) {
        return ((hash >>> 11) + 0.5) * 0x1.0p-53;
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
