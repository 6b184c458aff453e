package dev.arbiter.core.routing.quality;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.ModelEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately simple benchmark prior: a catalog model's bias is the population bias plus
 * logit(its mean benchmark score) − the mean of that logit over catalog models with scores, so the catalog's
 * average model starts at the population mean and a model 10 points better on its benchmarks starts higher.
 * Per-task abilities stay at the population's. Models matched by id or alias; others get the population prior.
 */
final class CatalogAbilityPrior implements AbilityPrior {
    private final Map<String, Double> logitByName = new HashMap<>();
    private final double meanLogit;

    CatalogAbilityPrior(Collection<ModelEntry> catalog) {
        double sum = 0;
        int n = 0;
        for (ModelEntry m : catalog) {
            if (m.benchmarks().isEmpty()) {
                continue;
            }
            double mean = m.benchmarks().values().stream().mapToDouble(BenchmarkScore::value).average().orElseThrow();
            double logit = logit(Math.max(0.02, Math.min(0.98, mean)));
            logitByName.put(m.id(), logit);
            m.aliases().forEach(a -> logitByName.put(a, logit));
            sum += logit;
            n++;
        }
        meanLogit = n == 0 ? 0 : sum / n;
    }

    @Override
    public ModelAbility prior(String model, ModelAbility population) {
        Double logit = logitByName.get(model);
        return logit == null ? population : population.shifted(logit - meanLogit);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
