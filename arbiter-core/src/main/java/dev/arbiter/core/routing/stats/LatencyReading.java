package dev.arbiter.core.routing.stats;

/**
 * One key's live latency at snapshot time: the decayed means of total latency and time-to-first-token in ms
 * (NaN when there is no sample or the last one is older than the stats' max age), the decayed sample counts
 * behind them, and the age of the newest total-latency sample in ms (-1 with none).
 */
public record LatencyReading(double latencyMs, double ttftMs, double latencySamples, double ttftSamples,
                             long latencyAgeMs) {
}
