package dev.arbiter.embeddings;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sharpens a heuristic extractor's task mix with a sentence-embedding classifier. Only the share of the mix that falls
 * on the classifier's own classes is redistributed (a {@code weight} blend of heuristic and classifier); what the
 * heuristic puts on classes the classifier cannot judge (vision, agentic, long-context, ...) stays as it was. The
 * embedded text is the last user message (the current ask); non-English prompts are left to the heuristic, as
 * all-MiniLM-L6-v2 is an English model.
 */
public final class EmbeddingFeatureExtractor implements FeatureExtractor {
    /** The classifier's share of the redistributed mass (chosen on held-out tasks; see docs/embeddings.md). */
    public static final double DEFAULT_WEIGHT = 0.3;
    /** Below this share of the mix on the classifier's classes the embedding cannot change much: skip it. */
    static final double MIN_MASS = 0.05;

    private static final Set<String> LANGUAGES = Set.of("en", "und");

    private final FeatureExtractor base;
    private final SentenceEncoder encoder;
    private final TaskClassifier classifier;
    private final double weight;
    private final double sureShare;

    public EmbeddingFeatureExtractor(FeatureExtractor base, SentenceEncoder encoder, TaskClassifier classifier,
                                     double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        if (encoder.dimension() != classifier.dimension()) {
            throw new IllegalArgumentException("encoder gives " + encoder.dimension() + "-d embeddings, classifier"
                    + " expects " + classifier.dimension());
        }
        this.base = base;
        this.encoder = encoder;
        this.classifier = classifier;
        this.weight = weight;
        // With a top share h, the blend keeps >= (1-w)h on it and can give any other type at most (1-w)(1-h) + w,
        // so from h >= 1 / (2(1-w)) on (0.71 at w = 0.3) the top type cannot change: skip the embedding's latency.
        this.sureShare = weight >= 0.5 ? Double.POSITIVE_INFINITY : 1 / (2 * (1 - weight));
    }

    @Override
    public RequestFeatures extract(ChatRequest request) {
        return sharpen(base.extract(request), lastUserText(request));
    }

    @Override
    public RequestFeatures extract(String prompt) {
        return sharpen(base.extract(prompt), prompt == null ? "" : prompt);
    }

    /** The classifier's probabilities for a text, by task type (for reports and tests). */
    public Map<TaskType, Double> classify(String text) {
        double[] p = classifier.probabilities(encoder.embed(text));
        Map<TaskType, Double> out = new EnumMap<>(TaskType.class);
        for (int k = 0; k < p.length; k++) {
            out.put(classifier.classes().get(k), p[k]);
        }
        return out;
    }

    RequestFeatures sharpen(RequestFeatures f, String text) {
        List<TaskType> classes = classifier.classes();
        double mass = 0;
        for (TaskType t : classes) {
            mass += f.taskMix().getOrDefault(t, 0.0);
        }
        double topShare = f.taskMix().getOrDefault(f.taskType(), 0.0);
        if (mass < MIN_MASS || topShare >= sureShare || weight == 0 || text.isBlank()
                || !LANGUAGES.contains(f.language())) {
            return f;
        }
        double[] p = classifier.probabilities(encoder.embed(text));
        Map<TaskType, Double> mix = new EnumMap<>(TaskType.class);
        mix.putAll(f.taskMix());
        for (int k = 0; k < p.length; k++) {
            TaskType t = classes.get(k);
            mix.put(t, (1 - weight) * mix.getOrDefault(t, 0.0) + weight * mass * p[k]);
        }
        return new RequestFeatures(top(mix, f.taskType()), mix, f.language(), f.inputTokens(), f.maxOutputTokens(),
                f.hasImages(), f.hasTools(), f.wantsJson(), f.promptText());
    }

    /** The most likely type; ties keep the heuristic's choice. */
    private static TaskType top(Map<TaskType, Double> mix, TaskType fallback) {
        TaskType best = fallback;
        double bestP = mix.getOrDefault(fallback, 0.0);
        for (Map.Entry<TaskType, Double> e : mix.entrySet()) {
            if (e.getValue() > bestP) {
                best = e.getKey();
                bestP = e.getValue();
            }
        }
        return best;
    }

    private static String lastUserText(ChatRequest request) {
        List<Message> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
