package dev.arbiter.core.limits;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.tenancy.Principal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A limits stage over in-memory counters and a scripted downstream, recording what reached the counters. */
final class StageFixture {
    /** $1000 per million input tokens and $2000 per million output: one input token costs $0.001. */
    static final ModelEntry MODEL = new ModelEntry("team/chat", List.of(), "p", "chat", Price.of(1000, 2000), 128_000,
            16_000, Set.of(), "team", "us", Map.of());
    static final Principal ALICE = new Principal("key-1", "sk-arb-3f9a", "alice", "t1", List.of(), null, null);

    final FakeClock clock = new FakeClock("2026-05-17T10:00:00Z");
    final List<String> events = new ArrayList<>();
    final List<BudgetAlert> alerts = new ArrayList<>();
    final InMemorySpendCounters memory = new InMemorySpendCounters(clock, SpendHistory.NONE);
    final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    int downstreamCalls;

    /** The counters as the stage sees them: every call is written to {@link #events}. */
    final SpendCounters counters = new SpendCounters() {
        @Override
        public ReserveResult reserve(List<Budget> budgets, BigDecimal estimate) {
            ReserveResult r = memory.reserve(budgets, estimate);
            events.add((r instanceof Reservation ? "reserve " : "refuse ") + Money.format(estimate));
            return r;
        }

        @Override
        public List<Settled> settle(Reservation reservation, BigDecimal actual) {
            events.add("settle " + Money.format(actual));
            return memory.settle(reservation, actual);
        }

        @Override
        public void release(Reservation reservation) {
            events.add("release " + Money.format(reservation.estimate()));
            memory.release(reservation);
        }
    };

    LimitsStage stage(LimitRules rules) {
        return new LimitsStage(rules, counters, limiter, new LimitsStage.Services(alerts::add, clock));
    }

    static ChatRequest request(int maxTokens) {
        return ChatRequest.builder("team/chat").messages(List.of(Message.user("hello there"))).maxTokens(maxTokens).build();
    }

    static ChatResponse answer(Usage usage) {
        return new ChatResponse("r1", "chat", 0, List.of(new Choice(0, Message.assistant("hi"), FinishReason.STOP)), usage);
    }

    /** Runs {@code request} through the stage with the downstream answering {@code downstream}. */
    Outcome run(LimitsStage stage, ChatRequest request, Supplier<Outcome> downstream) {
        Trace trace = new Trace();
        trace.model(MODEL);
        trace.route("direct");
        trace.principal(ALICE);
        Exchange exchange = new Exchange(request, new RequestMeta(Map.of(), "openai", 0), trace);
        return stage.intercept(new Interceptor.Chain() {
            @Override
            public Exchange exchange() {
                return exchange;
            }

            @Override
            public Outcome proceed(Exchange next) {
                downstreamCalls++;
                return downstream.get();
            }
        });
    }

    /** A stream of these events, then the end; records its close. */
    EventStream stream(StreamEvent... scripted) {
        Iterator<StreamEvent> it = List.of(scripted).iterator();
        return new EventStream() {
            @Override
            public StreamEvent next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
                events.add("closed");
            }
        };
    }
}
