package dev.arbiter.core.routing;

/**
 * The knobs in force for one decision: the quality bar (minimum acceptable pSuccess, in [0, 1]) and an optional
 * per-request cost cap in USD (null when none). Routes, task types and request headers set them.
 */
public record PolicySettings(double qualityBar, Double maxCostUsd) {
    public PolicySettings {
        if (!(qualityBar >= 0 && qualityBar <= 1)) {
            throw new IllegalArgumentException("quality bar must be in [0, 1], got " + qualityBar);
        }
        if (maxCostUsd != null && !(maxCostUsd >= 0)) {
            throw new IllegalArgumentException("max cost must be >= 0, got " + maxCostUsd);
        }
    }
}
