package dev.arbiter.core.routing.quality;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.routing.TaskType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-task abilities for catalog models from their declared benchmark scores, on the profile's scale. Every
 * catalog model starts at an anchor: the profile's strongest model (gpt-4-1106-preview in the shipped profile),
 * whose scores on the same benchmarks are known ({@link BenchmarkMap}). Each benchmark then moves the model by
 * its score's logit distance from the anchor's, logit(score) − logit(reference), capped at ±{@value #CAP}: a
 * model's overall level (its bias) moves by the mean of those distances, and each task type a benchmark speaks
 * for (SWE-bench for coding, GPQA for science, AIME for maths, OSWorld for agentic, MMMU for vision) moves by its
 * own benchmarks' mean less that level. A catalog model with no scores stays at the anchor: every model in the
 * catalog is a 2025-26 production model, and those match or beat GPT-4 Turbo on public benchmarks, so the anchor
 * is the cautious start. Names outside the catalog get the population prior. Matched by id or alias.
 */
final class CatalogAbilityPrior implements AbilityPrior {
    /** The largest move one benchmark can make, in logits (ARC-AGI-2 and OSWorld would otherwise run away). */
    static final double CAP = 3.0;
    private static final double CLAMP = 0.01;

    private final Map<String, Map<String, Double>> scoresByName = new HashMap<>();
    private final Map<String, Double> catalogMeanLogit = new HashMap<>();
    private final ModelAbility anchor;

    /** @param anchor the abilities a catalog model without benchmarks gets; null: the population prior */
    CatalogAbilityPrior(Collection<ModelEntry> catalog, ModelAbility anchor) {
        this.anchor = anchor;
        Map<String, double[]> sums = new HashMap<>();
        for (ModelEntry m : catalog) {
            Map<String, Double> scores = new HashMap<>();
            m.benchmarks().forEach((name, score) -> scores.put(name.toLowerCase(Locale.ROOT), score.value()));
            scoresByName.put(m.id(), scores);
            m.aliases().forEach(a -> scoresByName.put(a, scores));
            scores.forEach((name, v) -> {
                double[] s = sums.computeIfAbsent(name, k -> new double[2]);
                s[0] += logit(v);
                s[1]++;
            });
        }
        sums.forEach((name, s) -> catalogMeanLogit.put(name, s[0] / s[1]));
    }

    @Override
    public ModelAbility prior(String model, ModelAbility population) {
        Map<String, Double> scores = scoresByName.get(model);
        if (scores == null) {
            return population;
        }
        ModelAbility start = anchor == null ? population : anchor;
        return moved(start, scores);
    }

    /** The anchor moved by the benchmark distances, as described in the class comment. */
    private ModelAbility moved(ModelAbility start, Map<String, Double> scores) {
        List<TaskType> factors = QualityProfile.FACTORS;
        double[] typeSum = new double[factors.size()];
        int[] typeCount = new int[factors.size()];
        double level = 0;
        int referenced = 0;
        double relative = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            BenchmarkMap.Entry known = BenchmarkMap.KNOWN.getOrDefault(e.getKey(), new BenchmarkMap.Entry(null, Double.NaN));
            double distance = Double.isNaN(known.reference())
                    ? logit(e.getValue()) - catalogMeanLogit.get(e.getKey())
                    : logit(e.getValue()) - logit(known.reference());
            distance = Math.max(-CAP, Math.min(CAP, distance));
            if (known.type() != null) {
                typeSum[factors.indexOf(known.type())] += distance;
                typeCount[factors.indexOf(known.type())]++;
            }
            if (Double.isNaN(known.reference())) {
                relative += known.type() == null ? distance : 0;
            } else {
                level += distance;
                referenced++;
            }
        }
        double shift = (referenced == 0 ? 0 : level / referenced) + relative;
        float[] abilities = start.abilities();
        for (int t = 0; t < abilities.length; t++) {
            if (typeCount[t] > 0) {
                abilities[t] += (float) (typeSum[t] / typeCount[t] - shift);
            }
        }
        return new ModelAbility((float) (start.bias() + shift), abilities, start.slope(), 0);
    }

    private static double logit(double p) {
        double q = Math.max(CLAMP, Math.min(1 - CLAMP, p));
        return Math.log(q / (1 - q));
    }
}
