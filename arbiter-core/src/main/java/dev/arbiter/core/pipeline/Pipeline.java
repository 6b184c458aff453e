package dev.arbiter.core.pipeline;

import java.util.List;

/** Runs an ordered list of interceptors; the last one must answer without calling proceed. */
public final class Pipeline {
    private final List<Interceptor> stages;

    public Pipeline(List<Interceptor> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        this.stages = List.copyOf(stages);
    }

    public Outcome run(Exchange exchange) {
        return new StageChain(0, exchange).proceed(exchange);
    }

    private final class StageChain implements Interceptor.Chain {
        private final int index;
        private final Exchange exchange;

        StageChain(int index, Exchange exchange) {
            this.index = index;
            this.exchange = exchange;
        }

        @Override
        public Exchange exchange() {
            return exchange;
        }

        @Override
        public Outcome proceed(Exchange next) {
            if (index >= stages.size()) {
                throw new IllegalStateException("the last pipeline stage called proceed(): it must answer");
            }
            return stages.get(index).intercept(new StageChain(index + 1, next));
        }
    }
}
