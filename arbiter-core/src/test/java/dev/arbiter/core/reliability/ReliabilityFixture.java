package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reliability stages in their pipeline order (Attempts, Retry, CircuitBreaker) between a stage that pins the
 * ranked targets and a scripted upstream, on a fake clock with a fixed "random" source.
 */
final class ReliabilityFixture {
    final FakeTime time = new FakeTime();
    final FixedRandom random = new FixedRandom(0);
    final ScriptedUpstream upstream = new ScriptedUpstream(time);
    final Reliability reliability;
    private final Map<String, ModelEntry> catalog = new LinkedHashMap<>();
    private final Pipeline pipeline;

    ReliabilityFixture(ReliabilityConfig config, ModelEntry... models) {
        Arrays.stream(models).forEach(m -> catalog.put(m.id(), m));
        reliability = new Reliability(config, d -> true, time, random).register(List.of(models));
        upstream.use(reliability);
        Interceptor pin = chain -> chain.proceed(chain.exchange());
        pipeline = new Pipeline(List.of(pin,
                reliability.attempts(id -> Optional.ofNullable(catalog.get(id)), (request, model) -> true),
                reliability.retry(),
                reliability.circuitBreaker(),
                upstream));
    }

    static ModelEntry model(String id, int contextWindow, Deployment... deployments) {
        return new ModelEntry(id, List.of(), null, null, Price.of(1.0, 2.0), contextWindow, null, null, "test", null,
                null, null, List.of(deployments));
    }

    static Deployment deployment(String provider, String upstreamModel) {
        return Deployment.of(provider, upstreamModel);
    }

    /** Runs a request whose ranked targets are {@code ranked} (first = chosen), with extra request headers. */
    Outcome call(Trace trace, Map<String, String> headers, String... ranked) {
        List<ModelEntry> targets = Arrays.stream(ranked).map(catalog::get).toList();
        trace.model(targets.getFirst());
        trace.targets(targets);
        ChatRequest request = ChatRequest.builder(ranked[0]).messages(Message.user("hi")).build();
        return pipeline.run(new Exchange(request, new RequestMeta(headers, "openai", time.nanos()), trace));
    }

    Outcome call(Trace trace, String... ranked) {
        return call(trace, Map.of(), ranked);
    }

    Outcome callStreaming(Trace trace, String model) {
        return callStreaming(trace, Map.of(), model);
    }

    Outcome callStreaming(Trace trace, Map<String, String> headers, String model) {
        ModelEntry m = catalog.get(model);
        trace.model(m);
        trace.targets(List.of(m));
        ChatRequest request = ChatRequest.builder(model).messages(Message.user("hi")).stream(true).build();
        return pipeline.run(new Exchange(request, new RequestMeta(headers, "openai", time.nanos()), trace));
    }
}
