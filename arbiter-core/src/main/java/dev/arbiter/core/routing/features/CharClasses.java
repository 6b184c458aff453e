package dev.arbiter.core.routing.features;

/**
 * Characters as o200k_base's pre-tokenising regex sees them (letter case, digit, space, newline, symbol) and the
 * script of letters, one table look-up per character of the Basic Multilingual Plane.
 */
final class CharClasses {
    static final int SYMBOL = 0;
    /** \p{Ll}: may end a word ([\p{Ll}\p{Lm}\p{Lo}\p{M}]+), never be one of its leading capitals. */
    static final int LOWER = 1;
    /** \p{Lu}, \p{Lt}. */
    static final int UPPER = 2;
    /** \p{Lm}, \p{Lo}: both capital and lower case to the regex, so a run of CJK is one piece. */
    static final int BOTH = 3;
    static final int DIGIT = 4;
    static final int SPACE = 5;
    /** \r and \n, the only characters the regex's [\r\n] matches. */
    static final int NEWLINE = 6;
    /** The rest of \s (tab, no-break space...): a possible one-character prefix of a word, unlike \r and \n. */
    static final int OTHER_SPACE = 7;
    /** Table entry of a surrogate: the class comes from the code point. */
    static final int SURROGATE = 8;
    /** \p{M}: a letter inside words, but it also continues a symbol run (" ?[^\s\p{L}\p{N}]+"). */
    static final int MARK = 9;
    /** Bit set on the class of a character outside the Basic Multilingual Plane (emoji, rare CJK). */
    static final int ASTRAL = 0x100;

    /** Scripts told apart (a word's script is the highest of its letters'); 1 is ASCII. */
    static final String[] SCRIPTS = {"neutral", "ascii", "latin", "greek", "cyrillic", "armenian-georgian", "hebrew",
        "arabic", "indic", "southeast-asian", "hangul", "han", "kana", "other"};
    static final int ASCII_SCRIPT = 1;

    /** Class in the low 4 bits, script in the high 4, per BMP character. */
    private static final byte[] TABLE = table();

    private CharClasses() {
    }

    /** Class (low 4 bits), script (bits 4-7) and {@link #ASTRAL} of {@code a[i]}; both halves of a pair alike. */
    static int at(char[] a, int i, int n) {
        int t = TABLE[a[i]] & 0xFF;
        return t != SURROGATE ? t : surrogate(a, i, n);
    }

    /** The class of an ASCII character. */
    static int ascii(char c) {
        return TABLE[c] & 15;
    }

    static boolean isLetter(int t) {
        int k = t & 15;
        return k == LOWER || k == UPPER || k == BOTH || k == MARK;
    }

    private static int surrogate(char[] a, int i, int n) {
        char c = a[i];
        int cp;
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(a[i + 1])) {
            cp = Character.toCodePoint(c, a[i + 1]);
        } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(a[i - 1])) {
            cp = Character.toCodePoint(a[i - 1], c);
        } else {
            return SYMBOL;
        }
        return classOf(cp) | scriptOf(cp) << 4 | ASTRAL;
    }

    private static byte[] table() {
        byte[] t = new byte[65536];
        for (int c = 0; c < 65536; c++) {
            t[c] = (byte) (Character.isSurrogate((char) c) ? SURROGATE : classOf(c) | scriptOf(c) << 4);
        }
        return t;
    }

    /** As Java's regex with UNICODE_CHARACTER_CLASS (jtokkit's flags) classifies {@code cp}. */
    static int classOf(int cp) {
        if (cp == ' ') {
            return SPACE;
        }
        if (cp == '\n' || cp == '\r') {
            return NEWLINE;
        }
        int type = Character.getType(cp);
        if (cp >= 0x9 && cp <= 0xd || cp == 0x85 || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return OTHER_SPACE;
        }
        return switch (type) {
            case Character.LOWERCASE_LETTER -> LOWER;
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> UPPER;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> BOTH;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> MARK;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> DIGIT;
            default -> SYMBOL;
        };
    }

    /** Index into {@link #SCRIPTS}; marks and other script-neutral characters are 0. */
    static int scriptOf(int cp) {
        if (cp < 0x80) {
            return ASCII_SCRIPT;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN -> 2;
            case GREEK, COPTIC -> 3;
            case CYRILLIC -> 4;
            case ARMENIAN, GEORGIAN -> 5;
            case HEBREW -> 6;
            case ARABIC, SYRIAC, THAANA -> 7;
            case DEVANAGARI, BENGALI, GURMUKHI, GUJARATI, ORIYA, TAMIL, TELUGU, KANNADA, MALAYALAM, SINHALA -> 8;
            case THAI, LAO, MYANMAR, KHMER, TIBETAN -> 9;
            case HANGUL -> 10;
            case HAN, BOPOMOFO -> 11;
            case HIRAGANA, KATAKANA -> 12;
            case COMMON, INHERITED, UNKNOWN -> 0;
            default -> 13;
        };
    }
}
