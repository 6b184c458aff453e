package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.AttemptRecord;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.reliability.Reliability;
import java.time.Duration;

/**
 * The last stage: calls the chosen deployment of the chosen model under the upstream's own model name, within what
 * is left of the request's deadline, and records the attempt. A stream is read through the pre-commit window here,
 * so a failure before anything reached the caller is still an ordinary failure that can fail over, not a broken
 * stream.
 */
final class ProviderCall implements Interceptor {
    private final DeploymentProviders providers;
    private final Reliability reliability;

    ProviderCall(DeploymentProviders providers, Reliability reliability) {
        this.providers = providers;
        this.reliability = reliability;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        ModelEntry model = exchange.trace().model();
        Deployment deployment = deployment(exchange, model);
        Provider provider = providers.forDeployment(deployment);
        if (provider == null) {
            throw new ArbiterException(ErrorKind.GATEWAY_INTERNAL_ERROR, "no provider '" + deployment.provider() + "' is running");
        }
        ChatRequest upstreamRequest = exchange.request().withModel(deployment.upstreamModel());
        Duration budget = reliability.budget(exchange.trace());
        long start = System.nanoTime();
        try {
            Outcome outcome = upstreamRequest.stream()
                    ? new Outcome.Streaming(reliability.hold(provider.stream(upstreamRequest, budget), exchange.trace(),
                            deployment.provider()))
                    : new Outcome.Completed(reliability.accept(provider.complete(upstreamRequest, budget), exchange.trace()));
            record(exchange, model, deployment, start, null);
            return outcome;
        } catch (ArbiterException e) {
            record(exchange, model, deployment, start, e.kind());
            throw e;
        }
    }

    /** The deployment the retry stage chose, else (no retry stage) the model's first. */
    private static Deployment deployment(Exchange exchange, ModelEntry model) {
        Deployment chosen = exchange.trace().deployment();
        return chosen != null && model.deployments().contains(chosen) ? chosen : model.deployments().getFirst();
    }

    private static void record(Exchange exchange, ModelEntry model, Deployment deployment, long start, ErrorKind error) {
        long nanos = System.nanoTime() - start;
        exchange.trace().addUpstreamNanos(nanos);
        String name = model.deployments().size() > 1 ? deployment.id() : null;
        exchange.trace().addAttempt(new AttemptRecord(model.id(), deployment.provider(), name, nanos / 1_000_000, error));
    }
}
