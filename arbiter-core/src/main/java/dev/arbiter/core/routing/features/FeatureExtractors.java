package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.FeatureExtractorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the gateway's feature extractor: the heuristic one, or — when the configuration turns embeddings on — the
 * decorator of the optional {@code arbiter-embeddings} module, which must then be on the classpath.
 */
public final class FeatureExtractors {
    /** The provider name of the {@code arbiter-embeddings} module. */
    public static final String EMBEDDINGS = "embeddings";

    private FeatureExtractors() {
    }

    /** The extractor for config {@code routing: {embeddings: <embeddings>}}; fails clearly when the module is absent. */
    public static FeatureExtractor forConfig(boolean embeddings) {
        HeuristicFeatureExtractor heuristic = new HeuristicFeatureExtractor();
        return embeddings ? provided(EMBEDDINGS, heuristic, FeatureExtractors.class.getClassLoader()) : heuristic;
    }

    /** The extractor of the provider named {@code name} on {@code loader}'s classpath, wrapping {@code heuristic}. */
    public static FeatureExtractor provided(String name, FeatureExtractor heuristic, ClassLoader loader) {
        List<String> found = new ArrayList<>();
        for (FeatureExtractorProvider p : ServiceLoader.load(FeatureExtractorProvider.class, loader)) {
            if (p.name().equals(name)) {
                return p.create(heuristic);
            }
            found.add(p.name());
        }
        throw new IllegalStateException("routing." + name + " is on, but no '" + name + "' feature extractor is on"
                + " the classpath (found: " + (found.isEmpty() ? "none" : String.join(", ", found)) + "); add the"
                + " arbiter-" + name + " module's jar to the classpath (see docs/embeddings.md)");
    }
}
