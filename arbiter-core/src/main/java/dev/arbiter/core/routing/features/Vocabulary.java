package dev.arbiter.core.routing.features;

import java.util.Arrays;

/**
 * Words numbered in the order they are added, found straight from a text's characters without building a String:
 * an open-addressing table keyed by the word's length and its first, second and last characters, so a look-up costs
 * the same for any word length and nothing is hashed while the text is read; the words' characters sit in one array.
 * Characters are compared through {@link Words#lower}, so the stored words must be in that form (lowercase). Filled
 * once, then read-only.
 */
final class Vocabulary {
    private char[] pool = new char[256];
    private int poolSize;
    private int[] offsets = new int[16];
    private int size;
    /** Word id + 1 per slot, 0 when empty; kept at most a quarter full so most misses end at the first slot. */
    private int[] slots = new int[64];
    private int[] keys = new int[64];

    /** The word's id, adding it when new. */
    int add(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Words.lower(word.charAt(k)) != word.charAt(k)) {
                throw new IllegalArgumentException("vocabulary words must be lowercase: " + word);
            }
        }
        char[] chars = word.toCharArray();
        int known = id(chars, 0, chars.length);
        if (known >= 0 || chars.length == 0) {
            return known;
        }
        pool = poolSize + chars.length <= pool.length ? pool : Arrays.copyOf(pool, 2 * (poolSize + chars.length));
        System.arraycopy(chars, 0, pool, poolSize, chars.length);
        offsets = size + 1 < offsets.length ? offsets : Arrays.copyOf(offsets, 2 * offsets.length);
        offsets[size++] = poolSize;
        poolSize += chars.length;
        offsets[size] = poolSize;
        if (4 * size > slots.length) {
            slots = new int[2 * slots.length];
            keys = new int[slots.length];
            for (int id = 0; id < size; id++) {
                insert(id);
            }
        } else {
            insert(size - 1);
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** The id of the word {@code chars[from, to)} (compared through {@link Words#lower}), or -1. */
    int id(char[] chars, int from, int to) {
        if (to <= from) {
            return -1;
        }
        int key = key(chars, from, to);
        int mask = slots.length - 1;
        for (int s = slot(key, mask); slots[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == key && equal(slots[s] - 1, chars, from, to)) {
                return slots[s] - 1;
            }
        }
        return -1;
    }

    /** Length, first, second and last character: what a look-up compares before reading the whole word. */
    private static int key(char[] chars, int from, int to) {
        int length = to - from;
        char second = length > 1 ? Words.lower(chars[from + 1]) : 0;
        return ((length * 31 + Words.lower(chars[from])) * 31 + second) * 31 + Words.lower(chars[to - 1]);
    }

    private boolean equal(int id, char[] chars, int from, int to) {
        int start = offsets[id];
        if (offsets[id + 1] - start != to - from) {
            return false;
        }
        for (int k = 0; k < to - from; k++) {
            if (pool[start + k] != Words.lower(chars[from + k])) {
                return false;
            }
        }
        return true;
    }

    private void insert(int id) {
        int key = key(pool, offsets[id], offsets[id + 1]);
        int mask = slots.length - 1;
        int s = slot(key, mask);
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = id + 1;
        keys[s] = key;
    }

    private static int slot(int key, int mask) {
        return (key * 0x9E3779B9 >>> 12) & mask;
    }
}
