package dev.arbiter.core.routing.replay;

/** Where a replayed call's cost came from, in the order replay tries them. */
public enum CostBasis {
    /** The outcome file's recorded cost_usd. */
    FILE,
    /** Estimated from a prices file (see {@link PriceTable}). */
    PRICES,
    /** Neither: 1.0 per call, so cost figures count calls and the run is cost-blind. */
    PER_CALL
}
