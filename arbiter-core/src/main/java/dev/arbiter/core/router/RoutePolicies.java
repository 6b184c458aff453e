package dev.arbiter.core.router;

import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.policy.Policies;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The policies a route may name: every pure policy in {@link Policies}, plus {@code cascade}, which calls models
 * and so runs in the router stage ({@link CascadeRunner}) rather than as a pure policy. Option problems are
 * IllegalArgumentExceptions whose message starts with the option's key path (e.g. {@code checks.regex: ...}).
 */
public final class RoutePolicies {
    public static final String DEFAULT = Policies.CHEAPEST_MEETING_BAR;
    public static final String CASCADE = "cascade";

    private RoutePolicies() {
    }

    /** Every name a route's {@code policy} may take. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(Policies.known());
        names.add(CASCADE);
        return Collections.unmodifiableSet(names);
    }

    /**
     * Validates a policy name and its options, as config loading does; throws IllegalArgumentException (for the
     * pure policies a {@link dev.arbiter.core.routing.policy.PolicyConfigException} with the option's path).
     */
    public static void check(String name, Map<String, Object> options) {
        if (CASCADE.equals(name)) {
            CascadeOptions.parse(options);
        } else {
            create(name, options);
        }
    }

    /** A pure policy with its options (not cascade). */
    static RoutingPolicy create(String name, Map<String, Object> options) {
        return Policies.create(name, options.isEmpty() ? null : options);
    }
}
