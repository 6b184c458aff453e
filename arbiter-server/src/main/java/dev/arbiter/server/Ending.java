package dev.arbiter.server;

import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.observe.RequestOutcome;

/** How the edge finished one chat request: streamed or not, the status sent, the outcome and the usage reported. */
record Ending(boolean stream, int status, RequestOutcome outcome, Usage usage) {

    static Ending answered(boolean stream, Usage usage) {
        return new Ending(stream, 200, RequestOutcome.OK, usage);
    }

    static Ending failed(boolean stream, ErrorKind kind) {
        return new Ending(stream, kind.status(), RequestOutcome.of(kind), null);
    }
}
