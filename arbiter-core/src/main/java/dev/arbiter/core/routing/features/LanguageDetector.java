package dev.arbiter.core.routing.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    static final double LEAD = 1.3;
    /** Characters inspected; the language is settled long before this. */
    static final int SAMPLE_CHARS = 4_000;

    static final String[] LATIN = {"en", "fr", "de", "es", "pt", "it"};
    static final Map<String, double[]> STOP_WORDS = buildStopWords();
    /** The ASCII stop words again, looked up straight from the text's characters; weights by vocabulary id. */
    private static final Vocabulary ASCII_STOP_WORDS = new Vocabulary();
    private static final double[][] ASCII_STOP_WEIGHTS = asciiStopWeights();

    private LanguageDetector() {
    }

    static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return UNDETERMINED;
        }
        int n = Math.min(text.length(), SAMPLE_CHARS);
        char[] sample = new char[n];
        text.getChars(0, n, sample, 0);
        Tally tally = Tally.of(sample);
        ScriptCounts counts = tally.counts();
        String script = counts.dominantNonLatin();
        if (script != null) {
            return script;
        }
        return counts.latinWords() >= 1 ? winner(tally.score) : UNDETERMINED;
    }

    /**
     * One pass over the sample: letters per script (by code point) and the Latin-script languages' scores, from stop
     * words (words split at every char that is not {@link Character#isLetter(char)}) and special letters, added in
     * text order. The scores are only read when no other script dominates.
     */
    private static final class Tally {
        final double[] score = new double[LATIN.length];
        int latin, han, kana, hangul, cyrillic, arabic, devanagari;

        static Tally of(char[] text) {
            Tally t = new Tally();
            int n = text.length;
            int start = -1;
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                char c = text[i];
                boolean letter;
                if (c < 128) { // ASCII fast path: its letters are exactly a-z and A-Z, all of them Latin script
                    letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                    t.latin += letter ? 1 : 0;
                } else {
                    letter = Character.isLetter(c);
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                        t.countScript(Character.toCodePoint(c, text[i + 1]));
                    } else if (letter) {
                        t.countScript(c);
                    }
                }
                if (letter && start < 0) {
                    start = i;
                    ascii = true;
                } else if (!letter && start >= 0) {
                    t.addStopWord(text, start, i, ascii);
                    start = -1;
                }
                ascii &= c < 128;
                if (c >= 128) {
                    addLetterHint(c, t.score);
                }
            }
            if (start >= 0) {
                t.addStopWord(text, start, n, ascii);
            }
            return t;
        }

        private void addStopWord(char[] text, int from, int to, boolean ascii) {
            if (to - from > 7) {
                return;
            }
            double[] w;
            if (ascii) {
                int id = ASCII_STOP_WORDS.id(text, from, to);
                w = id >= 0 ? ASCII_STOP_WEIGHTS[id] : null;
            } else {
                w = STOP_WORDS.get(new String(text, from, to - from).toLowerCase(Locale.ROOT));
            }
            if (w != null) {
                for (int l = 0; l < w.length; l++) {
                    score[l] += w[l];
                }
            }
        }

        private void countScript(int cp) {
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

        ScriptCounts counts() {
            return new ScriptCounts(latin, han, kana, hangul, cyrillic, arabic, devanagari);
        }
    }

    private static double[][] asciiStopWeights() {
        List<double[]> weights = new ArrayList<>();
        STOP_WORDS.entrySet().stream().filter(e -> e.getKey().chars().allMatch(c -> c < 128))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    ASCII_STOP_WORDS.add(e.getKey());
                    weights.add(e.getValue());
                });
        return weights.toArray(double[][]::new);
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
