package dev.arbiter.core.limits;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;

/**
 * Passes a stream through and settles its request when the stream ends, fails or is closed, with the usage the
 * upstream reported (or the estimate when none came, e.g. the caller hung up first).
 */
final class SettlingStream implements EventStream {
    private final EventStream inner;
    private final Settlement settlement;
    private final ModelEntry model;
    private volatile Usage usage;

    SettlingStream(EventStream inner, Settlement settlement, ModelEntry model) {
        this.inner = inner;
        this.settlement = settlement;
        this.model = model;
    }

    @Override
    public StreamEvent next() {
        StreamEvent event;
        try {
            event = inner.next();
        } catch (RuntimeException e) {
            settlement.settle(model, usage);
            throw e;
        }
        if (event == null) {
            settlement.settle(model, usage);
        } else if (event instanceof StreamEvent.UsageReport report) {
            usage = report.usage();
        }
        return event;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            settlement.settle(model, usage);
        }
    }
}
