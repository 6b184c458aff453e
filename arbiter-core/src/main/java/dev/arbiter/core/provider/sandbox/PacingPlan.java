package dev.arbiter.core.provider.sandbox;

import java.time.Duration;

/**
 * How long a simulated answer takes: the model's time to first token (plus the hidden reasoning, which a real
 * reasoning model also spends before its first visible token), then each visible token at the model's rate.
 * The whole answer is squeezed into {@link #CAP} so the sandbox stays pleasant: the generation part is scaled
 * down and the time to first token is cut to the cap when it alone exceeds it.
 */
record PacingPlan(Duration firstToken, double nanosPerToken) {
    static final Duration CAP = Duration.ofSeconds(2);
    // Left unused under the cap so rounding of many per-piece pauses can never add up past it.
    private static final long ROUNDING_SLACK_NANOS = 1_000;

    static PacingPlan forAnswer(SandboxModel model, Answer answer) {
        long capNanos = CAP.toNanos() - ROUNDING_SLACK_NANOS;
        long ttftNanos = Math.min(model.timeToFirstToken().toNanos(), capNanos);
        double nanosPerToken = 1e9 / model.tokensPerSecond();
        long tokens = answer.usage().outputTokens();
        double generation = tokens * nanosPerToken;
        double budget = capNanos - ttftNanos;
        double scale = generation > budget ? budget / generation : 1.0;
        double scaledPerToken = nanosPerToken * scale;
        long reasoningNanos = (long) Math.floor(answer.usage().reasoningTokens() * scaledPerToken);
        return new PacingPlan(Duration.ofNanos(ttftNanos + reasoningNanos), scaledPerToken);
    }

    /** The pause before a piece of this many visible tokens arrives. */
    Duration forTokens(long tokens) {
        return Duration.ofNanos((long) Math.floor(tokens * nanosPerToken));
    }

    /** The whole answer at once, for a non-streamed call. */
    Duration total(long visibleTokens) {
        return firstToken.plus(forTokens(visibleTokens));
    }
}
