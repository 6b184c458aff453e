package dev.arbiter.core.observe;

/**
 * Observes finished requests (OkHttp's {@code EventListener} idea): the edge calls {@link #onComplete} exactly once
 * per chat request, after the answer, the error or the stream's end went out, so metrics, a ledger or traces can
 * read what happened from the report instead of each pipeline stage reporting it. Implementations must be cheap and
 * thread-safe, and must not throw (the edge guards against it anyway).
 */
@FunctionalInterface
public interface ExchangeListener {
    /** Listens to nothing: what the edge uses when observability is off. */
    ExchangeListener NONE = report -> { };

    void onComplete(ExchangeReport report);

    /** Tells {@code first}, then {@code second} (either may be {@link #NONE}, which is then skipped). */
    static ExchangeListener both(ExchangeListener first, ExchangeListener second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return report -> {
            try {
                first.onComplete(report);
            } finally {
                second.onComplete(report);
            }
        };
    }
}
