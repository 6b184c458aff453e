package dev.arbiter.core.ledger;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.observe.ExchangeListener;
import dev.arbiter.core.observe.ExchangeReport;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.tenancy.Principal;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns each finished request into a {@link LedgerEntry} and hands it on (to a {@link BatchingLedger}); runs on
 * the request thread, so it only builds the row. The cost is recomputed at the price in force when the request
 * arrived (not {@link ExchangeReport#costUsd()}, which uses today's price), and the baseline follows
 * {@link Baselines}. A request id already on the trace is kept; otherwise a new UUIDv7 is assigned to it.
 */
public final class LedgerRecorder implements ExchangeListener {
    private static final System.Logger LOG = System.getLogger(LedgerRecorder.class.getName());

    private final Consumer<LedgerEntry> out;
    private final Function<String, Optional<ModelEntry>> models;
    private final Baselines baselines;
    private final InstantSource clock;
    private final LongSupplier nanoTime;
    private final RequestIds ids;

    /**
     * @param out    where entries go, e.g. {@code batchingLedger::offer}
     * @param models finds a model by id or alias (the live catalog's {@code find}), for baselines
     */
    public LedgerRecorder(Consumer<LedgerEntry> out, Function<String, Optional<ModelEntry>> models, Baselines baselines) {
        this(out, models, baselines, InstantSource.system(), System::nanoTime);
    }

    /** With the wall clock and the monotonic clock the edge's nanoTime readings come from (fakes in tests). */
    LedgerRecorder(Consumer<LedgerEntry> out, Function<String, Optional<ModelEntry>> models, Baselines baselines,
                   InstantSource clock, LongSupplier nanoTime) {
        this.out = out;
        this.models = models;
        this.baselines = baselines;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.ids = new RequestIds(clock);
    }

    @Override
    public void onComplete(ExchangeReport report) {
        try {
            out.accept(entry(report));
        } catch (RuntimeException e) { // the caller already has the answer; a ledger bug must not reach it
            LOG.log(Level.WARNING, "could not record a request in the ledger", e);
        }
    }

    LedgerEntry entry(ExchangeReport report) {
        Trace trace = report.trace();
        long arrivalNanos = nanoTime.getAsLong() - report.durationNanos();
        Instant at = clock.instant().minusNanos(report.durationNanos());
        Usage usage = report.usage() == null ? Usage.ZERO : report.usage();
        ModelEntry model = trace.model();
        RoutingDecision decision = trace.routingDecision();
        BigDecimal cost = model == null ? BigDecimal.ZERO : model.costAt(at, usage);
        Baselines.Choice baseline = baselines.choose(
                new Baselines.Request(trace.route(), decision, model, usage, at), models);
        Principal who = trace.principal() == null ? Principal.OPEN : trace.principal();
        if (trace.requestId() == null) {
            trace.requestId(ids.nextId().toString());
        }
        return new LedgerEntry(trace.requestId(), at, who.keyId(), who.user(), who.team(), report.api(),
                trace.route(), decision == null ? null : decision.taskType().configName(),
                model == null ? null : model.id(), provider(trace, model), report.stream(), report.status(),
                report.outcome().label(), usage.inputTokens(), usage.cachedInputTokens(), usage.cacheWriteTokens(),
                usage.outputTokens(), usage.reasoningTokens(), cost, baseline.model(), baseline.costUsd(),
                report.durationNanos() / 1_000_000, ttftMillis(trace, arrivalNanos), false, trace.decision(),
                attempts(trace));
    }

    /** The provider that answered: the last successful attempt's, else the current deployment's, else the model's. */
    private static String provider(Trace trace, ModelEntry model) {
        List<AttemptRecord> attempts = trace.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).succeeded() && attempts.get(i).provider() != null) {
                return attempts.get(i).provider();
            }
        }
        if (trace.deployment() != null) {
            return trace.deployment().provider();
        }
        return model == null ? null : model.provider();
    }

    private static Long ttftMillis(Trace trace, long arrivalNanos) {
        long first = trace.firstTokenNanos();
        return first == 0 ? null : Math.max(0, first - arrivalNanos) / 1_000_000;
    }

    private static List<AttemptEntry> attempts(Trace trace) {
        List<AttemptEntry> out = new ArrayList<>(trace.attempts().size());
        for (AttemptRecord a : trace.attempts()) {
            out.add(new AttemptEntry(out.size(), a.model(), a.provider(), a.deployment(), a.millis(),
                    a.error() == null ? null : a.error().type()));
        }
        return out;
    }
}
