package dev.arbiter.core.router;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.RoutingDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a cascade route for a non-streamed request: calls the planned models in order through the rest of the
 * pipeline, verifies each answer ({@link AnswerChecks}, then the judge if the route has one) and returns the first
 * that passes. A failed call or a rejected answer moves on to the next, stronger model; when none passes, the
 * last answer received is returned (or, with none at all, the last error is thrown). Every try lands in the
 * trace's attempts and in the decision's {@code tries}.
 */
final class CascadeRunner {
    private final Catalog catalog;

    CascadeRunner(Catalog catalog) {
        this.catalog = catalog;
    }

    Outcome run(Interceptor.Chain chain, Exchange exchange, List<ModelEntry> plan, CascadeOptions options) {
        Trace trace = exchange.trace();
        RoutingDecision decision = trace.routingDecision();
        List<RoutingDecision.Try> tries = new ArrayList<>();
        Tried lastAnswer = null;
        ArbiterException lastError = null;
        try {
            for (ModelEntry model : plan) {
                Tried tried = attempt(chain, exchange, model, options);
                tries.add(tried.record());
                if (tried.record().accepted()) {
                    return tried.outcome();
                }
                if (tried.outcome() != null) {
                    lastAnswer = tried;
                } else {
                    lastError = tried.error();
                }
            }
        } finally {
            RoutingDecision withTries = decision.withTries(tries);
            trace.routingDecision(withTries);
            trace.decision(DecisionHeader.format(withTries));
        }
        if (lastAnswer == null) {
            throw lastError;
        }
        trace.model(lastAnswer.model());
        trace.targets(List.of(lastAnswer.model()));
        return lastAnswer.outcome();
    }

    /** One try: the model, what it answered (null after a failed call) or the error, and its record. */
    private record Tried(ModelEntry model, Outcome outcome, ArbiterException error, RoutingDecision.Try record) {
    }

    private Tried attempt(Interceptor.Chain chain, Exchange exchange, ModelEntry model, CascadeOptions options) {
        exchange.trace().model(model);
        exchange.trace().targets(List.of(model));
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange);
        } catch (ArbiterException e) {
            return new Tried(model, null, e, new RoutingDecision.Try(model.id(), false, "error(" + e.kind().type() + ")"));
        }
        if (!(outcome instanceof Outcome.Completed done)) {
            return new Tried(model, outcome, null, new RoutingDecision.Try(model.id(), true, "accepted(stream)"));
        }
        String rejection = verify(chain, exchange, done.response(), options);
        return new Tried(model, outcome, null, new RoutingDecision.Try(model.id(), rejection == null,
                rejection == null ? "accepted" : "rejected(" + rejection + ")"));
    }

    /** Null when the answer passes, else the code of the check (or "judge") that failed. */
    private String verify(Interceptor.Chain chain, Exchange exchange, ChatResponse response, CascadeOptions options) {
        Optional<String> failed = AnswerChecks.failure(options.checks(), exchange.request(), response);
        if (failed.isPresent()) {
            return failed.get();
        }
        if (options.judge() == null) {
            return null;
        }
        return judge(chain, exchange, response, options.judge()).orElse(true) ? null : "judge";
    }

    /** The judge's verdict; empty when it is unavailable, fails or answers neither yes nor no. */
    private Optional<Boolean> judge(Interceptor.Chain chain, Exchange exchange, ChatResponse answer, String judgeName) {
        Optional<ModelEntry> judge = catalog.find(judgeName).filter(catalog::isAvailable);
        if (judge.isEmpty() || !exchange.request().tools().isEmpty() && answer.message().text().isBlank()) {
            return Optional.empty();
        }
        Trace judgeTrace = new Trace();
        judgeTrace.model(judge.get());
        judgeTrace.targets(List.of(judge.get()));
        Exchange grading = new Exchange(JudgeCall.request(judge.get().id(), exchange.request(), answer),
                exchange.meta(), judgeTrace);
        try {
            if (chain.proceed(grading) instanceof Outcome.Completed reply) {
                return JudgeCall.verdict(reply.response());
            }
            return Optional.empty();
        } catch (ArbiterException judgeFailed) {
            return Optional.empty();
        } finally {
            judgeTrace.attempts().forEach(exchange.trace()::addAttempt);
            exchange.trace().addUpstreamNanos(judgeTrace.upstreamNanos());
        }
    }
}
