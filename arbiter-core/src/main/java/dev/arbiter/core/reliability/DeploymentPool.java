package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Every deployment's live state, each model's group of deployments, and the choice of the deployment for the next
 * call: the balancer picks among deployments whose circuit lets calls through, that are not cooling down (rate
 * limit, bad key) and that have a free slot, then takes the slot.
 */
final class DeploymentPool {
    private final ConcurrentHashMap<DeploymentState.Key, DeploymentState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Group> groups = new ConcurrentHashMap<>();
    private final Cooldowns<DeploymentState.Key> rateLimited;
    private final Cooldowns<DeploymentState.Credential> badKeys;
    private final ReliabilityConfig config;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Predicate<Deployment> running;

    /** A model's deployments that have a running provider, and how it balances over them. */
    record Group(String modelId, List<DeploymentState> members, Balancer balancer) {
    }

    DeploymentPool(ReliabilityConfig config, TimeSource time, RandomGenerator random, Predicate<Deployment> running) {
        this.config = config;
        this.time = time;
        this.random = random;
        this.running = running;
        this.rateLimited = new Cooldowns<>(time);
        this.badKeys = new Cooldowns<>(time);
    }

    Group group(ModelEntry model) {
        return groups.computeIfAbsent(model.id(), id -> {
            List<DeploymentState> members = new ArrayList<>();
            for (Deployment d : model.deployments()) {
                if (running.test(d)) {
                    DeploymentState s = states.computeIfAbsent(DeploymentState.Key.of(d),
                            k -> new DeploymentState(d, new CircuitBreaker(config.breaker(), time)));
                    s.servesModel(id, d);
                    members.add(s);
                }
            }
            return new Group(id, List.copyOf(members), Balancer.of(config.forModel(id).balancing()));
        });
    }

    /** A slot on the balancer's pick, preferring any deployment but {@code avoid}; null when none can take a call now. */
    Lease lease(Group group, Set<DeploymentState> excluded, DeploymentState avoid) {
        List<DeploymentState> candidates = new ArrayList<>();
        for (DeploymentState s : group.members()) {
            if (!excluded.contains(s) && callableNow(s)) {
                candidates.add(s);
            }
        }
        if (candidates.size() > 1) {
            candidates.remove(avoid);
        }
        while (!candidates.isEmpty()) {
            DeploymentState pick = group.balancer().pick(candidates, random);
            if (pick.tryTakeSlot()) {
                return new Lease(pick, time);
            }
            candidates.remove(pick); // filled up since we looked
        }
        return null;
    }

    /** How long until some deployment comes back from a cool-down or an open circuit; null when waiting cannot help. */
    Duration soonestBack(Group group, Set<DeploymentState> excluded) {
        return group.members().stream()
                .filter(s -> !excluded.contains(s) && !s.full())
                .map(this::waitFor)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The failure for a model none of whose deployments can take a call now, shaped like the condition that blocks
     * the one that comes back soonest: still rate-limited → 429 with Retry-After, key rejected → 502 auth failed,
     * circuit open → 503 with Retry-After; all at their concurrency caps → 503 with Retry-After 1 s.
     */
    ArbiterException unavailable(Group group, Set<DeploymentState> excluded) {
        String message = "No deployment of model '" + group.modelId() + "' can take the call now ("
                + whyUnavailable(group, excluded) + ").";
        List<DeploymentState> rest = group.members().stream().filter(s -> !excluded.contains(s)).toList();
        if (rest.isEmpty()) {
            return new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, message, null, FailureClass.NO_DEPLOYMENT, null);
        }
        if (rest.stream().allMatch(DeploymentState::full)) {
            return new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, message, null, FailureClass.AT_CAPACITY, Duration.ofSeconds(1));
        }
        DeploymentState soonest = rest.stream().filter(s -> !s.full()).min(Comparator.comparing(this::waitFor)).orElseThrow();
        Duration retryAfter = Duration.ofSeconds(Math.max(1, (waitFor(soonest).toMillis() + 999) / 1000));
        if (!rateLimited.remaining(DeploymentState.Key.of(soonest.deployment())).isZero()) {
            return new ArbiterException(ErrorKind.PROVIDER_RATE_LIMITED, message, null, FailureClass.RATE_LIMIT_COOLDOWN, retryAfter);
        }
        if (!badKeys.remaining(soonest.credential()).isZero()) {
            return new ArbiterException(ErrorKind.PROVIDER_AUTH_FAILED, message, null, FailureClass.KEY_COOLDOWN, null);
        }
        return new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, message, null, FailureClass.CIRCUIT_OPEN, retryAfter);
    }

    /** Why no deployment of the group could take a call, for the error message. */
    String whyUnavailable(Group group, Set<DeploymentState> excluded) {
        if (group.members().isEmpty()) {
            return "none of its deployments has a running provider";
        }
        List<String> reasons = new ArrayList<>();
        for (DeploymentState s : group.members()) {
            reasons.add(s.deployment().id() + ": " + reason(s, excluded));
        }
        return String.join("; ", reasons);
    }

    void coolDown(DeploymentState s, Duration d) {
        rateLimited.coolDown(DeploymentState.Key.of(s.deployment()), d);
    }

    void coolDownKey(DeploymentState s, Duration d) {
        badKeys.coolDown(s.credential(), d);
    }

    /** True when some deployment of the model has a circuit that is not open (unknown models count as healthy). */
    boolean healthy(String modelId) {
        Group g = groups.get(modelId);
        return g == null || g.members().stream().anyMatch(s -> s.breaker().state() != BreakerState.OPEN);
    }

    List<DeploymentSnapshot> snapshot() {
        List<DeploymentSnapshot> out = new ArrayList<>();
        for (DeploymentState s : states.values()) {
            CircuitBreaker.Snapshot b = s.breaker().snapshot();
            out.add(new DeploymentSnapshot(s.deployment().id(), s.models(), b.state(), b.calls(), b.failureRate(),
                    b.slowRate(), b.timesOpened(), s.inFlight(), s.cap(),
                    cooling(s).toMillis(), s.latency().nanos() / 1e6));
        }
        out.sort(Comparator.comparing(DeploymentSnapshot::deployment));
        return out;
    }

    private boolean callableNow(DeploymentState s) {
        return !s.full() && cooling(s).isZero() && s.breaker().allowsCalls();
    }

    private Duration cooling(DeploymentState s) {
        Duration a = rateLimited.remaining(DeploymentState.Key.of(s.deployment()));
        Duration b = badKeys.remaining(s.credential());
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Duration waitFor(DeploymentState s) {
        Duration cool = cooling(s);
        Duration open = s.breaker().untilHalfOpen();
        return cool.compareTo(open) >= 0 ? cool : open;
    }

    private String reason(DeploymentState s, Set<DeploymentState> excluded) {
        if (excluded.contains(s)) {
            return "already failed for this request";
        }
        if (s.full()) {
            return "at its concurrency cap (" + s.inFlight() + " in flight)";
        }
        if (!badKeys.remaining(s.credential()).isZero()) {
            return "its key was rejected (cooling down " + badKeys.remaining(s.credential()).toMillis() + " ms)";
        }
        Duration cool = rateLimited.remaining(DeploymentState.Key.of(s.deployment()));
        if (!cool.isZero()) {
            return "rate-limited for another " + cool.toMillis() + " ms";
        }
        return "circuit " + s.breaker().state().wireName();
    }
}
