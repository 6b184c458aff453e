package dev.arbiter.core.routing;

/**
 * Whether a model can take traffic now (some deployment's circuit is not open). The router's hard filter asks it;
 * the reliability stages answer it. Thread-safe.
 */
@FunctionalInterface
public interface ModelHealth {
    ModelHealth ALL_HEALTHY = model -> true;

    boolean healthy(String modelId);
}
