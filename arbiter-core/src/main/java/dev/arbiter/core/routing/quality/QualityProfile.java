package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fitted item-response-theory quality model: P(m answers q) = σ(s·(Σ_t load_t(q)·a[m][t] + b[m] − e^κ[m]·w·x(q)))
 * with x(q) the hashed and dense prompt features, load(q) the task loadings ({@link #factorsOf}) and s the
 * unseen-task calibration ({@link #taskSpread()}); optionally floored by a multiple-choice guessing rate.
 * Immutable and thread-safe; saved as the versioned JSON described in docs/routing.md.
 */
public final class QualityProfile implements QualityModel {
    /** The profile format version this code reads and writes. */
    public static final int VERSION = 2;
    /** Classpath resource of the shipped base profile. */
    public static final String SHIPPED_RESOURCE = "arbiter/quality-base.json";
    /** The reference model of catalog priors: its public benchmark scores anchor theirs. */
    public static final String ANCHOR = "gpt-4-1106-preview";
    /** The ability factors, in the order of {@link ModelAbility#abilities()}. */
    public static final List<TaskType> FACTORS = List.of(TaskType.values());
    private static final double MAX_LOGIT = 20;

    private final FeatureHasher hasher;
    private final float[] weights;
    private final ModelAbility prior;
    private final SortedMap<String, ModelAbility> models;
    private final ProfileMetadata metadata;
    private final double taskSpread;
    private final double shrink;
    private final boolean guessFloor;

    QualityProfile(FeatureHasher.Params hashing, float[] weights, ModelAbility prior,
                   Map<String, ModelAbility> models, ProfileMetadata metadata, double taskSpread,
                   boolean guessFloor) {
        this.hasher = new FeatureHasher(hashing);
        if (weights.length != hasher.dimension()) {
            throw new IllegalArgumentException("expected " + hasher.dimension() + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
        this.prior = prior;
        this.models = Collections.unmodifiableSortedMap(new TreeMap<>(models));
        this.metadata = metadata;
        this.taskSpread = taskSpread;
        this.shrink = 1 / Math.sqrt(1 + Math.PI * taskSpread * taskSpread / 8);
        this.guessFloor = guessFloor;
    }

    /** Reads a profile saved by {@link #save}; bad or unknown-version files fail with a one-line message. */
    public static QualityProfile load(Path file) {
        try {
            return ProfileJson.read(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new QualityInputException("no such profile: " + file);
        } catch (IOException e) {
            throw new QualityInputException("cannot read profile " + file + ": " + e.getMessage());
        }
    }

    /** The base profile shipped in the jar (trained on the shared outcome data; see docs/routing.md). */
    public static QualityProfile shipped() {
        try (InputStream in = QualityProfile.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped quality profile " + SHIPPED_RESOURCE + " is missing");
            }
            return ProfileJson.read(in.readAllBytes(), "classpath:" + SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(Path file) {
        try {
            Files.write(file, toJson());
        } catch (IOException e) {
            throw new QualityInputException("cannot write profile " + file + ": " + e.getMessage());
        }
    }

    /** The profile's JSON bytes (deterministic: the same profile always gives the same bytes). */
    public byte[] toJson() {
        return ProfileJson.write(this);
    }

    @Override
    public double pSuccess(RequestFeatures features, String model) {
        return prepare(features).pSuccess(model);
    }

    @Override
    public double difficulty(RequestFeatures features) {
        return hasher.featurize(features).dot(weights);
    }

    @Override
    public Set<String> models() {
        return models.keySet();
    }

    /** Featurises a request once, for scoring it against many models. */
    public Prepared prepare(RequestFeatures features) {
        PromptShape shape = PromptShape.of(features.promptText());
        return new Prepared(hasher.featurize(features, shape).dot(weights), factorsOf(features),
                guessFloor ? shape.guessRate() : 0);
    }

    /** The probabilities for every model in the profile, in name order. */
    public Map<String, Double> pSuccessAll(RequestFeatures features) {
        Prepared prepared = prepare(features);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : models.keySet()) {
            out.put(m, prepared.pSuccess(m));
        }
        return out;
    }

    /** A request's difficulty and task mix, computed once; scores any model of the profile cheaply. */
    public final class Prepared {
        private final double difficulty;
        private final float[] mix;
        private final double floor;

        private Prepared(double difficulty, float[] mix, double floor) {
            this.difficulty = difficulty;
            this.mix = mix;
            this.floor = floor;
        }

        public double difficulty() {
            return difficulty;
        }

        public double pSuccess(String model) {
            ModelAbility ability = models.get(model);
            if (ability == null) {
                throw new IllegalArgumentException("the quality profile has no model named " + model);
            }
            double z = Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, ability.logit(mix, difficulty) * shrink));
            return floor + (1 - floor) * IrtObjective.sigmoid(z);
        }
    }

    public ModelAbility ability(String model) {
        return models.get(model);
    }

    /**
     * The model catalog priors are anchored at ({@link CatalogAbilityPrior}): {@value #ANCHOR} when the profile
     * has it (its public benchmark scores are the references), else the model with the highest bias.
     */
    public String anchor() {
        if (models.containsKey(ANCHOR)) {
            return ANCHOR;
        }
        String best = null;
        for (Map.Entry<String, ModelAbility> e : models.entrySet()) {
            if (best == null || e.getValue().bias() > models.get(best).bias()) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Where abilities of a model without data start: the mean of the base models. */
    public ModelAbility populationPrior() {
        return prior;
    }

    /** This profile with one model added or replaced (e.g. a catalog model from {@link AbilityPrior}). */
    public QualityProfile withModel(String name, ModelAbility ability) {
        Map<String, ModelAbility> next = new TreeMap<>(models);
        next.put(name, ability);
        return new QualityProfile(hasher.params(), weights, prior, next, metadata, taskSpread, guessFloor);
    }

    /**
     * The spread (standard deviation, in logits) of task difficulty that the prompt features did not explain in
     * training. A request's task is never known, so probabilities average over it: the logit is scaled by
     * 1/√(1 + π·spread²/8), the probit approximation of E[σ(z − g)] for g ~ N(0, spread²).
     */
    public double taskSpread() {
        return taskSpread;
    }

    /** Whether a multiple-choice prompt's guessing rate (1/options) floors every model's success curve. */
    public boolean guessFloor() {
        return guessFloor;
    }

    public ProfileMetadata metadata() {
        return metadata;
    }

    FeatureHasher hasher() {
        return hasher;
    }

    float[] weights() {
        return weights.clone();
    }

    SortedMap<String, ModelAbility> abilities() {
        return models;
    }

    /**
     * The ability-factor loadings of a request: how far each task type's share of the mix rises above an even
     * split, max(0, mix_t − 1/K) / (1 − 1/K). A confidently typed request loads (almost) fully on its type; an
     * ambiguous one loads on nothing and is scored by the models' overall bias alone, so per-type abilities are
     * neither fitted to nor extrapolated from prompts whose type is a guess. Empty mix: the main type.
     */
    static float[] factorsOf(RequestFeatures f) {
        int k = FACTORS.size();
        float[] load = new float[k];
        double sum = 0;
        for (int t = 0; t < k; t++) {
            double v = f.taskMix().getOrDefault(FACTORS.get(t), 0.0);
            sum += v > 0 ? v : 0;
        }
        if (sum <= 0) {
            load[FACTORS.indexOf(f.taskType() == null ? TaskType.CHAT : f.taskType())] = 1f;
            return load;
        }
        double even = 1.0 / k;
        for (int t = 0; t < k; t++) {
            double share = Math.max(0, f.taskMix().getOrDefault(FACTORS.get(t), 0.0)) / sum;
            load[t] = (float) (Math.max(0, share - even) / (1 - even));
        }
        return load;
    }
}
