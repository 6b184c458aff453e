package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * The few dozen dense difficulty features that follow the hashed n-grams: a bias, length and token-count
 * buckets, character-class fractions, the task mix, the language and the request's needs. Each is O(1) in size
 * so one regularisation strength suits them all. Their names are saved in the profile, which refuses a layout
 * it was not trained with.
 */
final class DenseFeatures {
    static final int[] TOKEN_BUCKETS = {16, 32, 64, 128, 256, 512, 1024, 2048};
    static final List<String> LANGUAGES = List.of("en", "zh", "ja", "ko", "ru", "de", "fr", "es");
    static final List<String> NAMES = names();
    static final int BIAS = 0;

    private DenseFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(List.of("bias", "log_chars", "log_tokens"));
        for (int b : TOKEN_BUCKETS) {
            n.add("tokens_lt_" + b);
        }
        n.add("tokens_ge_" + TOKEN_BUCKETS[TOKEN_BUCKETS.length - 1]);
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

    /** The dense values for one request, in {@link #NAMES} order. */
    static float[] of(RequestFeatures f) {
        float[] v = new float[NAMES.size()];
        String text = f.promptText() == null ? "" : f.promptText();
        int i = 0;
        v[i++] = 1f;
        v[i++] = (float) (Math.log1p(text.length()) / 8);
        v[i++] = (float) (Math.log1p(Math.max(0, f.inputTokens())) / 8);
        i = tokenBucket(v, i, f.inputTokens());
        float[] chars = CharStats.of(text);
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

    private static int tokenBucket(float[] v, int at, int tokens) {
        int b = 0;
        while (b < TOKEN_BUCKETS.length && tokens >= TOKEN_BUCKETS[b]) {
            b++;
        }
        v[at + b] = 1f;
        return at + TOKEN_BUCKETS.length + 1;
    }
}
