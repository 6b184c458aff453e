package dev.arbiter.core.routing.replay;

/**
 * How a two-model replay turns the pair's predicted pSuccess into RouteLLM's strong-win score, which its metrics
 * threshold. STRONG_P (the default) is the strong model's pSuccess. WIN_RATE is the chance the strong model does
 * better, ties counted half, for independent answers: p_s(1 − p_w) + ½[p_s·p_w + (1 − p_s)(1 − p_w)]
 * = (1 + p_s − p_w) / 2, which orders rows by the strong model's expected gain; it is the better score when the
 * two models' probabilities are calibrated against each other, and the worse when they are not.
 */
public enum WinScore {
    STRONG_P, WIN_RATE;

    /** The name {@code --win-score} takes: "strong-p" or "win-rate". */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    double of(double pStrong, double pWeak) {
        return this == WIN_RATE ? (1 + pStrong - pWeak) / 2 : pStrong;
    }
}
