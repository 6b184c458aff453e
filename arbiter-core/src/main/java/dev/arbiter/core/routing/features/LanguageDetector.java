package dev.arbiter.core.routing.features;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses a prompt's language (ISO 639-1) from its script and, for Latin text, from stop words; "und" when unsure.
 *
 * <p>Scripts decide first: Han without kana is "zh", kana is "ja", Hangul "ko", Cyrillic "ru", Arabic "ar",
 * Devanagari "hi". Each script's letters are converted to rough word counts (CJK characters carry more meaning
 * each), so an English question quoting one Chinese word stays English. Latin text is split between en, fr, de, es,
 * pt and it by stop words; a word shared by k languages counts 1/k for each, and the winner needs
 * {@link #MIN_EVIDENCE} points and a clear lead, otherwise the answer is "und" (code, names, numbers).
 */
final class LanguageDetector {
    static final String UNDETERMINED = "und";
    static final double MIN_EVIDENCE = 1.0;
    private static final double LEAD = 1.3;
    /** Characters inspected; the language is settled long before this. */
    private static final int SAMPLE_CHARS = 4_000;

    private static final String[] LATIN = {"en", "fr", "de", "es", "pt", "it"};
    private static final Map<String, double[]> STOP_WORDS = buildStopWords();
    /** A 4,096-bit set of the stop words' hashes (see {@link #mayBeStopWord}). */
    private static final long[] STOP_HASHES = stopHashes();

    private LanguageDetector() {
    }

    static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return UNDETERMINED;
        }
        String sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
        ScriptCounts counts = ScriptCounts.of(sample);
        String script = counts.dominantNonLatin();
        if (script != null) {
            return script;
        }
        return counts.latinWords() >= 1 ? latin(sample) : UNDETERMINED;
    }

    /** Picks the Latin-script language whose stop words (and special letters) fit best. */
    private static String latin(String text) {
        double[] score = new double[LATIN.length];
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= 7 && mayBeStopWord(text, start, i)) {
                    double[] w = STOP_WORDS.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                    if (w != null) {
                        for (int l = 0; l < w.length; l++) {
                            score[l] += w[l];
                        }
                    }
                }
                start = -1;
            }
            if (i < text.length()) {
                addLetterHint(text.charAt(i), score);
            }
        }
        return winner(score);
    }

    /**
     * False when {@code text[from, to)} is ASCII and no stop word has its lower-case hash, so most words skip the
     * substring and map look-up; true (look it up) otherwise. A String's hash is computed the same way, so a word
     * whose hash is absent cannot be a key of {@link #STOP_WORDS}.
     */
    private static boolean mayBeStopWord(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 0x80) {
                return true;
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return (STOP_HASHES[(h >>> 6) & (STOP_HASHES.length - 1)] & (1L << h)) != 0;
    }

    private static long[] stopHashes() {
        long[] bits = new long[64];
        for (String w : STOP_WORDS.keySet()) {
            int h = w.hashCode();
            bits[(h >>> 6) & (bits.length - 1)] |= 1L << h;
        }
        return bits;
    }

    private static void addLetterHint(char c, double[] score) {
        switch (c) {
            case 'ñ', '¿', '¡' -> score[3] += 0.5;
            case 'ã', 'õ' -> score[4] += 0.5;
            case 'ß', 'ä', 'ö', 'ü' -> score[2] += 0.5;
            default -> { }
        }
    }

    private static String winner(double[] score) {
        int best = 0;
        for (int l = 1; l < score.length; l++) {
            if (score[l] > score[best]) {
                best = l;
            }
        }
        double second = 0;
        for (int l = 0; l < score.length; l++) {
            if (l != best) {
                second = Math.max(second, score[l]);
            }
        }
        boolean sure = score[best] >= MIN_EVIDENCE && score[best] >= LEAD * second;
        return sure ? LATIN[best] : UNDETERMINED;
    }

    private static Map<String, double[]> buildStopWords() {
        String[] lists = {
            // en
            "the and is are was were of to in that it with for this what how you be on not have has can which from"
                + " a an do does why who would should could will my your i we they there their about as when such"
                + " into by at or if than then its our most which did been being these those many much very also"
                + " only just over after before some all one once each other more",
            // fr
            "le la les des est et une un du que qui dans pour pas sur avec je vous ce sont mais au il elle nous"
                + " ne se en de comment pourquoi quel quelle cette aux",
            // de
            "der die das und ist nicht ein eine ich sie es mit den dem auf für zu von sich auch wie was sind wir"
                + " ist kann warum welche werden oder bitte",
            // es
            "el la los las de que y en es un una por con para del se no lo como más pero está qué son cómo"
                + " por qué cuál puedes al muy",
            // pt
            "o a os as de que e em um uma para com não do da dos das é se no na por mais você está como são"
                + " qual ao muito isso",
            // it
            "il lo la gli le di che e è un una per con non del della sono si in come ma questo anche perché"
                + " cosa puoi al molto nel",
        };
        Map<String, double[]> map = new HashMap<>();
        for (int l = 0; l < lists.length; l++) {
            for (String w : lists[l].split(" ")) {
                map.computeIfAbsent(w, k -> new double[LATIN.length])[l] = 1;
            }
        }
        for (double[] w : map.values()) {
            double shared = 0;
            for (double v : w) {
                shared += v;
            }
            for (int l = 0; l < w.length; l++) {
                w[l] /= shared;
            }
        }
        return map;
    }

    /** Letters per script, and the decision between scripts. */
    private record ScriptCounts(int latin, int han, int kana, int hangul, int cyrillic, int arabic, int devanagari) {
        static ScriptCounts of(String text) {
            int latin = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, devanagari = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp < 0x80) { // ASCII fast path: its letters are exactly a-z and A-Z, all of them Latin script
                    latin += (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? 1 : 0;
                    continue;
                }
                if (!Character.isLetter(cp)) {
                    continue;
                }
                switch (Character.UnicodeScript.of(cp)) {
                    case LATIN -> latin++;
                    case HAN -> han++;
                    case HIRAGANA, KATAKANA -> kana++;
                    case HANGUL -> hangul++;
                    case CYRILLIC -> cyrillic++;
                    case ARABIC -> arabic++;
                    case DEVANAGARI -> devanagari++;
                    default -> { }
                }
            }
            return new ScriptCounts(latin, han, kana, hangul, cyrillic, arabic, devanagari);
        }

        double latinWords() {
            return latin / 5.0;
        }

        /** The non-Latin language whose script carries more words than the Latin text, or null. */
        String dominantNonLatin() {
            double cjk = (han + kana) / 1.5;
            double[] words = {cjk, hangul / 2.0, cyrillic / 6.0, arabic / 5.0, devanagari / 5.0};
            String[] langs = {kana * 10 >= han + kana && kana > 0 ? "ja" : "zh", "ko", "ru", "ar", "hi"};
            int best = 0;
            for (int s = 1; s < words.length; s++) {
                if (words[s] > words[best]) {
                    best = s;
                }
            }
            return words[best] >= 1 && words[best] > latinWords() ? langs[best] : null;
        }
    }
}
