package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.FinishReason;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last stage in router tests: answers for whichever model the trace holds, from a per-model script (texts or
 * errors) or "answer from MODEL" by default, and records each call as an attempt taking a scripted number of ms.
 */
final class ScriptedUpstream implements Interceptor {
    private final Map<String, Deque<Object>> scripts = new HashMap<>();
    private final Map<String, Long> millis = new HashMap<>();
    final List<Exchange> calls = new ArrayList<>();
    private final List<String> calledModels = new ArrayList<>();

    /** Next answers of {@code model}: Strings are answer texts, ArbiterExceptions are thrown. */
    ScriptedUpstream script(String model, Object... replies) {
        scripts.computeIfAbsent(model, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    ScriptedUpstream takes(String model, long ms) {
        millis.put(model, ms);
        return this;
    }

    /** The model of each call, in call order (read when called: the trace's model changes as a cascade moves on). */
    List<String> calledModels() {
        return List.copyOf(calledModels);
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        calls.add(exchange);
        ModelEntry model = exchange.trace().model();
        calledModels.add(model.id());
        Deque<Object> script = scripts.get(model.id());
        Object reply = script == null || script.isEmpty() ? "answer from " + model.id() : script.poll();
        long ms = millis.getOrDefault(model.id(), 10L);
        if (reply instanceof ArbiterException e) {
            exchange.trace().addAttempt(new AttemptRecord(model.id(), model.provider(), ms, e.kind()));
            throw e;
        }
        exchange.trace().addAttempt(new AttemptRecord(model.id(), model.provider(), ms, null));
        return new Outcome.Completed(new ChatResponse("r1", model.upstreamModel(), 0,
                List.of(new Choice(0, Message.assistant((String) reply), FinishReason.STOP)), Usage.of(10, 5)));
    }
}
