package dev.arbiter.server;

import dev.arbiter.core.reliability.DeploymentSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Per-deployment gauges (circuit state, rates, calls in flight, cool-down, times opened) read lazily: each scrape
 * takes one reliability snapshot and the gauges read from it, so requests do no metrics work for them. A deployment
 * gets its gauges the first time a snapshot shows it; deployment ids come from the config, so they are bounded.
 */
final class DeploymentGauges {
    private final Supplier<List<DeploymentSnapshot>> source;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, DeploymentSnapshot> latest = Map.of();

    DeploymentGauges(Supplier<List<DeploymentSnapshot>> source, MeterRegistry registry) {
        this.source = source;
        this.registry = registry;
    }

    /** Takes a fresh snapshot for the scrape about to happen. */
    void refresh() {
        Map<String, DeploymentSnapshot> now = new HashMap<>();
        for (DeploymentSnapshot d : source.get()) {
            now.put(d.deployment(), d);
        }
        latest = now;
        for (String id : now.keySet()) {
            if (registered.add(id)) {
                register(id);
            }
        }
    }

    private void register(String id) {
        Tags tags = Tags.of("deployment", id);
        gauge("arbiter.breaker.state", "Circuit breaker state: 0 closed, 1 half-open, 2 open", id, tags,
                d -> d.state().gauge());
        gauge("arbiter.breaker.failure.rate", "Share of failed calls in the breaker's window (0-1)", id, tags,
                DeploymentSnapshot::failureRate);
        gauge("arbiter.breaker.slow.call.rate", "Share of slow calls in the breaker's window (0-1)", id, tags,
                DeploymentSnapshot::slowCallRate);
        gauge("arbiter.deployment.in.flight", "Calls in flight to the deployment", id, tags,
                DeploymentSnapshot::inFlight);
        gauge("arbiter.deployment.cooldown.seconds", "Remaining rate-limit or bad-key cool-down", id, tags,
                d -> d.cooldownMillis() / 1000.0);
        FunctionCounter.builder("arbiter.breaker.opened", this, g -> g.read(id, DeploymentSnapshot::timesOpened))
                .description("Times the deployment's circuit opened").tags(tags).register(registry);
    }

    private void gauge(String name, String help, String id, Tags tags, ToDoubleFunction<DeploymentSnapshot> value) {
        Gauge.builder(name, this, g -> g.read(id, value)).description(help).tags(tags).strongReference(true)
                .register(registry);
    }

    private double read(String id, ToDoubleFunction<DeploymentSnapshot> value) {
        DeploymentSnapshot d = latest.get(id);
        return d == null ? Double.NaN : value.applyAsDouble(d);
    }
}
