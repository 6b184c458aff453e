package dev.arbiter.server;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Trace;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Writes the {@code x-arbiter-*} response headers that say which model served a request, at what cost and overhead. */
final class ArbiterHeaders {
    static final String MODEL = "x-arbiter-model";
    static final String PROVIDER = "x-arbiter-provider";
    static final String COST = "x-arbiter-cost-usd";
    static final String OVERHEAD = "x-arbiter-overhead-ms";
    static final String DECISION = "x-arbiter-decision";
    static final String ROUTE = "x-arbiter-route";
    static final String ATTEMPTS = "x-arbiter-attempts";
    /** The ledger row's id, so a caller can find what it was charged for a request. */
    static final String REQUEST_ID = "x-arbiter-request-id";

    // Header names built once: Helidon would otherwise lower-case and hash each name on every response.
    private static final HeaderName MODEL_NAME = HeaderNames.create(MODEL);
    private static final HeaderName PROVIDER_NAME = HeaderNames.create(PROVIDER);
    private static final HeaderName ROUTE_NAME = HeaderNames.create(ROUTE);
    private static final HeaderName DECISION_NAME = HeaderNames.create(DECISION);
    private static final HeaderName ATTEMPTS_NAME = HeaderNames.create(ATTEMPTS);
    private static final HeaderName OVERHEAD_NAME = HeaderNames.create(OVERHEAD);
    static final HeaderName COST_NAME = HeaderNames.create(COST);
    static final HeaderName REQUEST_ID_NAME = HeaderNames.create(REQUEST_ID);

    private ArbiterHeaders() {
    }

    /** Headers known before the body: model, provider, route, decision, attempts and the gateway's own time so far. */
    static void writeRouting(ServerResponse res, Trace trace, long receivedNanos) {
        ModelEntry model = trace.model();
        if (model != null) {
            res.header(MODEL_NAME, model.id());
            res.header(PROVIDER_NAME, model.provider());
        }
        if (trace.route() != null) {
            res.header(ROUTE_NAME, trace.route());
        }
        if (trace.decision() != null) {
            res.header(DECISION_NAME, trace.decision());
        }
        if (!trace.attempts().isEmpty()) {
            res.header(ATTEMPTS_NAME, attempts(trace));
        }
        res.header(OVERHEAD_NAME, overheadMillis(trace, receivedNanos));
    }

    /** A cost as the header shows it: USD with at most 8 decimals. */
    static String costText(BigDecimal costUsd) {
        return costUsd.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The exact cost of {@code usage} on the trace's model at its price in force now; zero without either. */
    static BigDecimal costUsd(Trace trace, Usage usage) {
        return trace.model() == null ? BigDecimal.ZERO : trace.model().costAt(Instant.now(), usage);
    }

    /** Time spent in the gateway itself: wall time since arrival minus time waiting on upstreams. */
    static String overheadMillis(Trace trace, long receivedNanos) {
        long nanos = Math.max(0, System.nanoTime() - receivedNanos - trace.upstreamNanos());
        return BigDecimal.valueOf(nanos, 6).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String attempts(Trace trace) {
        StringBuilder text = new StringBuilder(64);
        for (AttemptRecord a : trace.attempts()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            describe(a, text);
        }
        return text.toString();
    }

    /** {@code model=ok;12ms}, or {@code model[provider/upstream@label]=provider_rate_limited;3ms} for a model with several deployments. */
    private static void describe(AttemptRecord a, StringBuilder text) {
        text.append(a.model());
        if (a.deployment() != null) {
            text.append('[').append(a.deployment()).append(']');
        }
        text.append('=').append(a.succeeded() ? "ok" : a.error().type()).append(';').append(a.millis()).append("ms");
    }
}
