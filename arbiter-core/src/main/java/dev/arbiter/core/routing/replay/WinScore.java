package dev.arbiter.core.routing.replay;

/**
 * How a two-model replay turns the pair's predicted pSuccess into RouteLLM's strong-win score, which its metrics
 * threshold. WIN_RATE is the chance the strong model does better, ties counted half, for independent answers:
 * p_s(1 − p_w) + ½[p_s·p_w + (1 − p_s)(1 − p_w)] = (1 + p_s − p_w) / 2, which orders rows by the expected gain of
 * the strong model. STRONG_P is the strong model's pSuccess alone; it sends the easiest rows to the strong model
 * first, where the weak one mostly succeeds too.
 */
public enum WinScore {
    WIN_RATE, STRONG_P;

    double of(double pStrong, double pWeak) {
        return this == WIN_RATE ? (1 + pStrong - pWeak) / 2 : pStrong;
    }
}
