package dev.arbiter.core.routing.features;

import java.util.Locale;

/**
 * {@link LanguageDetector} written the plain way, as it was before its single pass: letters per script by code point,
 * then every Latin word of up to seven letters lowercased into a string and looked up in the stop-word map. Tests
 * compare the fast detector with it.
 */
final class ReferenceLanguage {
    private ReferenceLanguage() {
    }

    static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return LanguageDetector.UNDETERMINED;
        }
        String sample = text.length() <= LanguageDetector.SAMPLE_CHARS ? text
                : text.substring(0, LanguageDetector.SAMPLE_CHARS);
        int latin = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, devanagari = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
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
        double latinWords = latin / 5.0;
        double[] words = {(han + kana) / 1.5, hangul / 2.0, cyrillic / 6.0, arabic / 5.0, devanagari / 5.0};
        String[] langs = {kana * 10 >= han + kana && kana > 0 ? "ja" : "zh", "ko", "ru", "ar", "hi"};
        int best = 0;
        for (int s = 1; s < words.length; s++) {
            if (words[s] > words[best]) {
                best = s;
            }
        }
        if (words[best] >= 1 && words[best] > latinWords) {
            return langs[best];
        }
        return latinWords >= 1 ? latin(sample) : LanguageDetector.UNDETERMINED;
    }

    private static String latin(String text) {
        double[] score = new double[LanguageDetector.LATIN.length];
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                double[] w = i - start > 7 ? null
                        : LanguageDetector.STOP_WORDS.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                if (w != null) {
                    for (int l = 0; l < w.length; l++) {
                        score[l] += w[l];
                    }
                }
                start = -1;
            }
            if (i < text.length()) {
                switch (text.charAt(i)) {
                    case 'ñ', '¿', '¡' -> score[3] += 0.5;
                    case 'ã', 'õ' -> score[4] += 0.5;
                    case 'ß', 'ä', 'ö', 'ü' -> score[2] += 0.5;
                    default -> { }
                }
            }
        }
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
        boolean sure = score[best] >= LanguageDetector.MIN_EVIDENCE && score[best] >= LanguageDetector.LEAD * second;
        return sure ? LanguageDetector.LATIN[best] : LanguageDetector.UNDETERMINED;
    }
}
