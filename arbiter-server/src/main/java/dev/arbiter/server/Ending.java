package dev.arbiter.server;

import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.observe.RequestOutcome;
import java.math.BigDecimal;

/**
 * How the edge finished one chat request: streamed or not, the status sent, the outcome, the usage reported and its
 * cost as the caller was told it (worked out once, for the header or trailer and the listener alike).
 */
record Ending(boolean stream, int status, RequestOutcome outcome, Usage usage, BigDecimal costUsd) {

    static Ending answered(boolean stream, Usage usage, BigDecimal costUsd) {
        return new Ending(stream, 200, RequestOutcome.OK, usage, costUsd);
    }

    static Ending failed(boolean stream, ErrorKind kind) {
        return new Ending(stream, kind.status(), RequestOutcome.of(kind), null, BigDecimal.ZERO);
    }
}
