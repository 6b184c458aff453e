package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The Attempts stage: starts the request's deadline, then walks the targets (the router's ranking and the
 * configured fallbacks, see {@link TargetPlan}), setting the trace's model for each try, until one answers. A caller
 * error (400 and the like) stops at once; a context overflow or a content-policy refusal moves to the model meant for
 * it; any other failure moves to the next target. A stream that comes back is committed: from here on a failure
 * can only end it with an explicit error, and the trace marks it truncated.
 */
final class AttemptsStage implements Interceptor {
    private final ReliabilityConfig config;
    private final Deadlines deadlines;
    private final TimeSource time;
    private final Function<String, Optional<ModelEntry>> lookup;
    private final BiPredicate<ChatRequest, ModelEntry> canServe;

    /** {@code lookup} finds fallback models by id; {@code canServe} says whether a model can serve a request at all. */
    AttemptsStage(ReliabilityConfig config, Deadlines deadlines, TimeSource time,
                  Function<String, Optional<ModelEntry>> lookup, BiPredicate<ChatRequest, ModelEntry> canServe) {
        this.config = config;
        this.deadlines = deadlines;
        this.time = time;
        this.lookup = lookup;
        this.canServe = canServe;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        Trace trace = exchange.trace();
        Duration timeout = deadlines.start(exchange);
        List<ModelEntry> ranked = trace.targets().isEmpty() ? List.of(trace.model()) : trace.targets();
        ModelEntry first = ranked.getFirst();
        TargetPlan plan = new TargetPlan(ranked, config, lookup,
                m -> m.id().equals(first.id()) || canServe.test(exchange.request(), m));
        trace.targets(plan.order());
        ArbiterException last = null;
        for (ModelEntry target = plan.next(); target != null; target = plan.next()) {
            if (deadlines.expired(trace)) {
                throw Deadlines.exceeded(timeout, last);
            }
            trace.model(target);
            try {
                Outcome outcome = chain.proceed(exchange);
                noteFallback(trace, first, target);
                return commit(outcome, trace);
            } catch (ArbiterException e) {
                last = recordSkip(trace, target, e, last);
                if (!movesOn(plan, target, e)) {
                    throw e;
                }
            }
        }
        throw deadlines.expired(trace) ? Deadlines.exceeded(timeout, last) : last;
    }

    /** Whether the plan has somewhere to go after {@code e} on {@code target}. */
    private static boolean movesOn(TargetPlan plan, ModelEntry target, ArbiterException e) {
        return switch (FailureClass.of(e)) {
            case FATAL -> false;
            case CONTEXT_OVERFLOW -> plan.preferLargerContext(target);
            case CONTENT_POLICY -> plan.preferPolicyAlternative(target);
            default -> true;
        };
    }

    /** A skipped model (no deployment could be called) still shows in the attempts; a real failure wins as "last". */
    private static ArbiterException recordSkip(Trace trace, ModelEntry target, ArbiterException e, ArbiterException last) {
        if (FailureClass.of(e) != FailureClass.SKIPPED) {
            return e;
        }
        boolean called = trace.attempts().stream().anyMatch(a -> a.model().equals(target.id()));
        if (!called) {
            trace.addAttempt(new AttemptRecord(target.id(), null, null, 0, e.kind()));
        }
        return last != null ? last : e;
    }

    private static void noteFallback(Trace trace, ModelEntry first, ModelEntry served) {
        if (!served.id().equals(first.id())) {
            String before = trace.decision() == null ? "" : trace.decision() + "; ";
            trace.decision(before + "fallback to " + served.id() + " after " + first.id() + " failed");
        }
    }

    private Outcome commit(Outcome outcome, Trace trace) {
        if (outcome instanceof Outcome.Streaming streaming) {
            return new Outcome.Streaming(new CommittedStream(streaming.stream(), trace, time, deadlines.remaining(trace)));
        }
        return outcome;
    }
}
