package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live state of one deployment (provider + upstream model + key): its circuit breaker, calls in flight against
 * its concurrency cap, and its latency EWMA. Shared by every model that lists the same deployment.
 */
final class DeploymentState {
    private final Deployment deployment;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Ewma latency = new Ewma();
    private final Set<String> models = new CopyOnWriteArraySet<>();
    private volatile int cap;

    DeploymentState(Deployment deployment, CircuitBreaker breaker) {
        this.deployment = deployment;
        this.breaker = breaker;
        this.cap = deployment.maxConcurrency();
    }

    /** The identity states are shared by: everything that makes two deployments the same upstream endpoint and key. */
    record Key(String provider, String upstreamModel, String label, String apiKey) {
        static Key of(Deployment d) {
            return new Key(d.provider(), d.upstreamModel(), d.label(), d.apiKey());
        }
    }

    /** The credential a deployment calls with, for key cool-downs (a 401 on one model cools the key for all). */
    record Credential(String provider, String apiKey) {
    }

    void servesModel(String modelId, Deployment declared) {
        models.add(modelId);
        int declaredCap = declared.maxConcurrency();
        if (declaredCap > 0 && (cap == 0 || declaredCap < cap)) {
            cap = declaredCap; // several models declaring one deployment share it; the tightest cap wins
        }
    }

    Deployment deployment() {
        return deployment;
    }

    Credential credential() {
        return new Credential(deployment.provider(), deployment.apiKey());
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    List<String> models() {
        return List.copyOf(models);
    }

    int inFlight() {
        return inFlight.get();
    }

    /** The concurrency cap in force (0 = none). */
    int cap() {
        return cap;
    }

    boolean full() {
        int c = cap;
        return c > 0 && inFlight.get() >= c;
    }

    /** Takes one of the deployment's concurrency slots, or says it is full. */
    boolean tryTakeSlot() {
        int c = cap;
        while (true) {
            int now = inFlight.get();
            if (c > 0 && now >= c) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void releaseSlot() {
        inFlight.decrementAndGet();
    }

    Ewma latency() {
        return latency;
    }
}
