package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * The few dozen dense difficulty features that follow the hashed n-grams: a bias; the size of the prompt and of
 * its ask (coarse buckets, which extrapolate as constants where a slope on log length would run away); the answer format (solved examples before the ask, number of options, a
 * fill-in blank, a question mark); character-class fractions of the ask; the task mix; the language and the
 * request's needs. Each is O(1) in size so one regularisation strength suits them all. Their names are saved in
 * the profile, which refuses a layout it was not trained with.
 */
final class DenseFeatures {
    static final int[] TOKEN_BUCKETS = {16, 32, 64, 128, 256, 512};
    static final List<String> LANGUAGES = List.of("en", "zh", "ja", "ko", "ru", "de", "fr", "es");
    static final List<String> NAMES = names();
    static final int BIAS = 0;

    private DenseFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of("bias"));
        for (String what : List.of("tokens", "ask_tokens")) {
            for (int b : TOKEN_BUCKETS) {
                n.add(what + "_lt_" + b);
            }
            n.add(what + "_ge_" + TOKEN_BUCKETS[TOKEN_BUCKETS.length - 1]);
        }
        n.addAll(List.of("shots", "options_2", "options_3_4", "options_5_plus", "blank", "question_mark"));
        n.addAll(CharStats.NAMES);
        for (TaskType t : TaskType.values()) {
            n.add("task_" + t.configName());
        }
        for (String l : LANGUAGES) {
            n.add("lang_" + l);
        }
        n.addAll(List.of("lang_other", "has_images", "has_tools", "wants_json"));
        return List.copyOf(n);
    }

    /** The dense values for one request, in {@link #NAMES} order; {@code askTokens} counts the ask's word tokens. */
    static float[] of(RequestFeatures f, PromptShape shape, int askTokens) {
        float[] v = new float[NAMES.size()];
        int i = 0;
        v[i++] = 1f;
        i = bucket(v, i, f.inputTokens());
        i = bucket(v, i, askTokens);
        v[i++] = (float) (Math.log1p(shape.shots()) / Math.log(17));
        int k = shape.options();
        v[i++] = k == 2 ? 1f : 0f;
        v[i++] = k == 3 || k == 4 ? 1f : 0f;
        v[i++] = k >= 5 ? 1f : 0f;
        v[i++] = hasBlank(shape.ask()) ? 1f : 0f;
        v[i++] = shape.ask().indexOf('?') >= 0 || shape.ask().indexOf('？') >= 0 ? 1f : 0f;
        float[] chars = CharStats.of(shape.ask());
        System.arraycopy(chars, 0, v, i, chars.length);
        i += chars.length;
        for (TaskType t : TaskType.values()) {
            v[i++] = f.taskMix().getOrDefault(t, 0.0).floatValue();
        }
        int lang = f.language() == null ? -1 : LANGUAGES.indexOf(f.language());
        v[i + (lang < 0 ? LANGUAGES.size() : lang)] = 1f;
        i += LANGUAGES.size() + 1;
        v[i++] = f.hasImages() ? 1f : 0f;
        v[i++] = f.hasTools() ? 1f : 0f;
        v[i] = f.wantsJson() ? 1f : 0f;
        return v;
    }

    private static int bucket(float[] v, int at, int tokens) {
        int b = 0;
        while (b < TOKEN_BUCKETS.length && tokens >= TOKEN_BUCKETS[b]) {
            b++;
        }
        v[at + b] = 1f;
        return at + TOKEN_BUCKETS.length + 1;
    }

    /** A fill-in blank: a lone underscore or a run of them (Winograd schemas, cloze questions, "____" in exams). */
    static boolean hasBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '_') {
                boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                int j = i;
                while (j < text.length() && text.charAt(j) == '_') {
                    j++;
                }
                boolean after = j == text.length() || !Character.isLetterOrDigit(text.charAt(j));
                if (before && after) {
                    return true;
                }
                i = j;
            }
        }
        return false;
    }
}
