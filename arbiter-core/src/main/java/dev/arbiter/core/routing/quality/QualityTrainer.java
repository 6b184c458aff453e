package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits quality profiles from outcome data, deterministically (full-batch L-BFGS, fixed order, no randomness).
 * {@link #fitBase} learns everything: difficulty weights, abilities and biases of every model in the data.
 * {@link #fit} starts from a base profile, keeps its difficulty weights and re-fits the abilities of every model
 * in the given data (new names start from the {@link AbilityPrior}, known ones from their base values), leaving
 * the base's other models as they were; with {@link TrainerOptions#tuneDifficulty()} it also nudges the
 * difficulty weights, held near the base by a strong L2 pull.
 */
public final class QualityTrainer {
    private final FeatureExtractor extractor;
    private final TrainerOptions options;
    private final AbilityPrior prior;

    public QualityTrainer(FeatureExtractor extractor) {
        this(extractor, TrainerOptions.defaults(), AbilityPrior.population());
    }

    public QualityTrainer(FeatureExtractor extractor, TrainerOptions options, AbilityPrior prior) {
        this.extractor = extractor;
        this.options = options;
        this.prior = prior;
    }

    public QualityProfile fitBase(List<Path> files) {
        return fitBase(OutcomeFile.readTraining(files), DataFiles.describe(files));
    }

    public QualityProfile fitBase(List<OutcomeRow> rows, List<ProfileMetadata.DataFile> provenance) {
        FeatureHasher hasher = new FeatureHasher(options.hashing());
        TrainingData data = requireOutcomes(TrainingData.build(rows, extractor, hasher, options.balanceSources(),
                options.guessFloor()));
        int dim = hasher.dimension();
        int m = data.models.size();
        IrtObjective objective = new IrtObjective(data, dim, hasher.denseOffset(), true, new double[dim],
                new double[m * data.factors], new double[m], new double[m], new IrtObjective.Penalties(
                options.l2Hashed(), options.l2Dense(), options.l2Intercept(), options.l2Ability(), options.l2Bias(),
                options.l2Group(), options.l2Slope()));
        double[] x = new double[objective.size()];
        Lbfgs.minimize(objective, x, options.maxIterations(), 1e-10);
        Map<String, ModelAbility> models = abilities(data, objective, x);
        ProfileMetadata metadata = new ProfileMetadata("base", provenance, List.of(), rows.size(), data.triples(),
                extractorName(), options);
        return new QualityProfile(hasher.params(), toFloat(x, 0, dim), populationMean(models), models, metadata,
                taskSpread(data, objective, x), options.guessFloor());
    }

    public QualityProfile fit(QualityProfile base, List<Path> files) {
        return fit(base, OutcomeFile.readTraining(files), DataFiles.describe(files));
    }

    public QualityProfile fit(QualityProfile base, List<OutcomeRow> rows, List<ProfileMetadata.DataFile> provenance) {
        FeatureHasher hasher = base.hasher();
        TrainingData data = requireOutcomes(TrainingData.build(rows, extractor, hasher, options.balanceSources(),
                base.guessFloor()));
        int k = data.factors;
        double[] abilityCenter = new double[data.models.size() * k];
        double[] biasCenter = new double[data.models.size()];
        double[] slopeCenter = new double[data.models.size()];
        for (int i = 0; i < data.models.size(); i++) {
            String name = data.models.get(i);
            ModelAbility start = base.ability(name) != null ? base.ability(name)
                    : prior.prior(name, base.populationPrior());
            float[] a = start.abilities();
            for (int f = 0; f < k; f++) {
                abilityCenter[i * k + f] = a[f];
            }
            biasCenter[i] = start.bias();
            slopeCenter[i] = start.slope();
        }
        double[] baseWeights = toDouble(base.weights());
        boolean tune = options.tuneDifficulty();
        IrtObjective objective = new IrtObjective(data, baseWeights.length, hasher.denseOffset(), tune, baseWeights,
                abilityCenter, biasCenter, slopeCenter, new IrtObjective.Penalties(options.l2TuneHashed(),
                options.l2TuneDense(), options.l2TuneDense(), options.l2Ability(), options.l2FitBias(), 0, options.l2Slope()));
        double[] x = new double[objective.size()];
        if (tune) {
            System.arraycopy(baseWeights, 0, x, 0, baseWeights.length);
        }
        System.arraycopy(abilityCenter, 0, x, objective.abilityOffset(), abilityCenter.length);
        System.arraycopy(biasCenter, 0, x, objective.biasOffset(), biasCenter.length);
        if (objective.slopes() > 0) {
            System.arraycopy(slopeCenter, 0, x, objective.slopeOffset(), slopeCenter.length);
        }
        Lbfgs.minimize(objective, x, options.maxIterations(), 1e-10);
        Map<String, ModelAbility> models = new TreeMap<>(base.abilities());
        models.putAll(abilities(data, objective, x));
        List<ProfileMetadata.DataFile> baseFiles = new ArrayList<>(base.metadata().baseFiles());
        baseFiles.addAll(base.metadata().files());
        ProfileMetadata metadata = new ProfileMetadata("fit", provenance, baseFiles, rows.size(), data.triples(),
                extractorName(), options);
        float[] weights = tune ? toFloat(x, 0, baseWeights.length) : base.weights();
        return new QualityProfile(hasher.params(), weights, base.populationPrior(), models, metadata,
                base.taskSpread(), base.guessFloor());
    }

    /**
     * The root mean square of the fitted task intercepts, each centred on its source's mean (a source's level is
     * its models' business): the task difficulty the prompt features leave unexplained.
     */
    private static double taskSpread(TrainingData data, IrtObjective objective, double[] x) {
        if (objective.groups() == 0) {
            return 0;
        }
        Map<String, double[]> bySource = new TreeMap<>();
        for (int g = 0; g < objective.groups(); g++) {
            String group = data.groups.get(g);
            double[] s = bySource.computeIfAbsent(group.substring(0, group.indexOf('/')), k -> new double[2]);
            s[0] += x[objective.groupOffset() + g];
            s[1]++;
        }
        double sum = 0;
        for (int g = 0; g < objective.groups(); g++) {
            String group = data.groups.get(g);
            double[] s = bySource.get(group.substring(0, group.indexOf('/')));
            double centred = x[objective.groupOffset() + g] - s[0] / s[1];
            sum += centred * centred;
        }
        return Math.sqrt(sum / objective.groups());
    }

    private static TrainingData requireOutcomes(TrainingData data) {
        if (data.triples() == 0) {
            throw new QualityInputException("the data has no outcomes to fit (no row has an \"outcomes\" object)");
        }
        return data;
    }

    private static Map<String, ModelAbility> abilities(TrainingData data, IrtObjective objective, double[] x) {
        int k = data.factors;
        int[] rows = new int[data.models.size()];
        for (int t = 0; t < data.triples(); t++) {
            rows[data.tripleModel[t]]++;
        }
        Map<String, ModelAbility> out = new TreeMap<>();
        for (int i = 0; i < data.models.size(); i++) {
            float[] a = toFloat(x, objective.abilityOffset() + i * k, k);
            float slope = objective.slopes() > 0 ? (float) x[objective.slopeOffset() + i] : 0f;
            out.put(data.models.get(i), new ModelAbility((float) x[objective.biasOffset() + i], a, slope, rows[i]));
        }
        return out;
    }

    private static ModelAbility populationMean(Map<String, ModelAbility> models) {
        double bias = 0;
        double slope = 0;
        double[] a = new double[QualityProfile.FACTORS.size()];
        for (ModelAbility m : models.values()) {
            bias += m.bias();
            slope += m.slope();
            float[] ma = m.abilities();
            for (int f = 0; f < a.length; f++) {
                a[f] += ma[f];
            }
        }
        int n = models.size();
        float[] mean = new float[a.length];
        for (int f = 0; f < a.length; f++) {
            mean[f] = (float) (a[f] / n);
        }
        return new ModelAbility((float) (bias / n), mean, (float) (slope / n), 0);
    }

    private String extractorName() {
        return extractor.getClass().getName();
    }

    private static float[] toFloat(double[] x, int from, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (float) x[from + i];
        }
        return out;
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }
}
