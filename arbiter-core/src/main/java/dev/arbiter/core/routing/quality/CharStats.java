package dev.arbiter.core.routing.quality;

import java.util.List;

/** Character-class statistics of a prompt (fractions of letters, digits, maths and code symbols, CJK, ...). */
final class CharStats {
    static final List<String> NAMES = List.of("frac_letter", "frac_digit", "frac_space", "frac_punct", "frac_upper",
            "frac_cjk", "frac_other_non_ascii", "frac_math", "frac_code", "newline_rate", "question_marks");
    private static final String MATH = "+-*/=^<>%\\$";
    private static final String CODE = "{}[]();_#`|&";

    private CharStats() {
    }

    static float[] of(String text) {
        int letters = 0, digits = 0, spaces = 0, punct = 0, upper = 0, cjk = 0, nonAscii = 0;
        int math = 0, code = 0, newlines = 0, questions = 0, total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            total++;
            if (PromptTokens.isCjk(cp)) {
                cjk++;
            } else if (PromptTokens.isLetter(cp)) {
                letters++;
                upper += PromptTokens.isUpperCase(cp) ? 1 : 0;
                nonAscii += cp > 127 ? 1 : 0;
            } else if (PromptTokens.isDigit(cp)) {
                digits++;
            } else if (PromptTokens.isWhitespace(cp)) {
                spaces++;
                newlines += cp == '\n' ? 1 : 0;
            } else {
                punct++;
                math += MATH.indexOf(cp) >= 0 ? 1 : 0;
                code += CODE.indexOf(cp) >= 0 ? 1 : 0;
                questions += cp == '?' || cp == '？' ? 1 : 0;
                nonAscii += cp > 127 ? 1 : 0;
            }
        }
        float n = Math.max(1, total);
        return new float[] {letters / n, digits / n, spaces / n, punct / n, upper / (float) Math.max(1, letters),
                cjk / n, nonAscii / n, math / n * 4, code / n * 4, Math.min(1f, newlines * 100f / n / 5),
                Math.min(3, questions) / 3f};
    }
}
