package dev.arbiter.core.routing.features;

import java.util.Arrays;

/**
 * A text's words as the lexicon reads them ({@link LexiconIndex#word}): runs of letters and digits that may
 * continue with ' ’ + # - ("c++", "c#", "earth's", "key-value"), lowercased, trailing apostrophes and hyphens dropped,
 * ’ read as '. {@link TextScan} finds the runs; each is kept as its {@link Vocabulary} id (-1 when no term uses it)
 * and its {@link LexiconIndex#key}. An ASCII word is looked up straight from the text's characters; a word with other
 * letters is built as a string first, since lowercasing those can change its length or make it ASCII.
 */
final class Words {
    private final LexiconIndex lexicon;
    private final String text;
    private int[] ids;
    private int[] keys;
    private int[] starts;
    private int[] ends;
    private int count;

    Words(LexiconIndex lexicon, String text, int capacity) {
        this.lexicon = lexicon;
        this.text = text;
        this.ids = new int[capacity];
        this.keys = new int[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    /**
     * Adds the word of {@code chars[start, end)}: {@code kept} is where it ends without its trailing ' ’ -, and
     * {@code ascii} says whether its letters and digits are all ASCII.
     */
    void add(char[] chars, int start, int kept, int end, boolean ascii) {
        int id;
        int key;
        if (ascii) {
            id = lexicon.vocabulary().id(chars, start, kept);
            key = lexicon.key(id, chars, start, kept);
        } else {
            String word = LexiconIndex.word(text, start, end);
            char[] lower = word.toCharArray();
            id = lexicon.vocabulary().id(lower, 0, lower.length);
            key = lexicon.key(id, lower, 0, lower.length);
        }
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, 2 * count);
            keys = Arrays.copyOf(keys, 2 * count);
            starts = Arrays.copyOf(starts, 2 * count);
            ends = Arrays.copyOf(ends, 2 * count);
        }
        ids[count] = id;
        keys[count] = key;
        starts[count] = start;
        ends[count++] = end;
    }

    int count() {
        return count;
    }

    /** The vocabulary id of word {@code i}, -1 when no term contains it. */
    int id(int i) {
        return ids[i];
    }

    /** Which terms word {@code i} may start (see {@link LexiconIndex#key}). */
    int key(int i) {
        return keys[i];
    }

    /** Word {@code i} as a string (for traces). */
    String text(int i) {
        return LexiconIndex.word(text, starts[i], ends[i]);
    }

    /**
     * The character the lexicon compares for {@code c} of an ASCII word: lowercase, ’ as '. It leaves the words
     * {@link LexiconIndex#word} builds as they are.
     */
    static char lower(char c) {
        return c < 128 ? LOWER[c] : c == '’' ? '\'' : c;
    }

    private static final char[] LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }
}
