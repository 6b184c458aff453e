package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider-call stage of the reliability tests: answers each call with the next scripted reply of the called
 * deployment (default: a short answer), on the fake clock, through the same budget, window and attempt recording as
 * the real provider call.
 */
final class ScriptedUpstream implements Interceptor {
    /** One scripted answer; may advance the clock (latency) and may throw the upstream's failure. */
    interface Reply {
        Outcome answer(Exchange exchange);
    }

    /** A call as the upstream saw it. */
    record Call(String model, String deployment, long atNanos, Duration budget) {
    }

    private final FakeTime time;
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private Reliability reliability;

    ScriptedUpstream(FakeTime time) {
        this.time = time;
    }

    void use(Reliability r) {
        this.reliability = r;
    }

    /** Queues replies for a deployment id ({@code provider/upstream[@label]}). */
    ScriptedUpstream script(String deploymentId, Reply... replies) {
        scripts.computeIfAbsent(deploymentId, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> calledDeployments() {
        return calls.stream().map(Call::deployment).toList();
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        ModelEntry model = exchange.trace().model();
        Deployment d = exchange.trace().deployment() != null ? exchange.trace().deployment() : model.deployments().getFirst();
        Duration budget = reliability.budget(exchange.trace());
        calls.add(new Call(model.id(), d.id(), time.nanos(), budget));
        Deque<Reply> queue = scripts.get(d.id());
        Reply reply = queue == null || queue.isEmpty() ? ok("fine") : queue.poll();
        long start = time.nanos();
        try {
            Outcome outcome = switch (reply.answer(exchange)) {
                case Outcome.Streaming s -> new Outcome.Streaming(reliability.hold(s.stream(), exchange.trace(), d.provider()));
                case Outcome.Completed c -> new Outcome.Completed(reliability.accept(c.response(), exchange.trace()));
            };
            record(exchange, model, d, start, null);
            return outcome;
        } catch (ArbiterException e) {
            record(exchange, model, d, start, e.kind());
            throw e;
        }
    }

    private void record(Exchange exchange, ModelEntry model, Deployment d, long start, ErrorKind error) {
        exchange.trace().addAttempt(new AttemptRecord(model.id(), d.provider(), d.id(),
                (time.nanos() - start) / 1_000_000, error));
    }

    static ChatResponse answer(String text, FinishReason reason) {
        return new ChatResponse("id", "m", 0, List.of(new Choice(0, Message.assistant(text), reason)), Usage.of(3, 2));
    }

    static Reply ok(String text) {
        return exchange -> new Outcome.Completed(answer(text, FinishReason.STOP));
    }

    static Reply refusal() {
        return exchange -> new Outcome.Completed(answer("", FinishReason.CONTENT_FILTER));
    }

    static Reply fail(ErrorKind kind) {
        return exchange -> {
            throw new ArbiterException(kind, "scripted " + kind.type());
        };
    }

    static Reply rateLimited(Duration retryAfter) {
        return exchange -> {
            throw new ArbiterException(ErrorKind.PROVIDER_RATE_LIMITED, "slow down", null, "rate_limit", retryAfter);
        };
    }

    /** Takes {@code latency} on the fake clock, then answers as {@code then}. */
    static Reply after(FakeTime time, Duration latency, Reply then) {
        return exchange -> {
            time.advance(latency);
            return then.answer(exchange);
        };
    }

    static Reply stream(EventStream stream) {
        return exchange -> new Outcome.Streaming(stream);
    }

    /** A stream that yields {@code events} in order (each one after {@code gap} on the fake clock), then ends. */
    static ScriptedStream events(FakeTime time, Duration gap, StreamEvent... events) {
        return new ScriptedStream(time, gap, List.of(events), null);
    }
}
