package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.RoutingPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The explicit table of routing policies by name; adding a policy is one line here. */
public final class Policies {
    public static final String CHEAPEST_MEETING_BAR = CheapestMeetingBar.NAME;
    public static final String BEST_WITHIN_BUDGET = BestWithinBudget.NAME;

    private static final Map<String, Supplier<RoutingPolicy>> TABLE = table();

    private Policies() {
    }

    private static Map<String, Supplier<RoutingPolicy>> table() {
        Map<String, Supplier<RoutingPolicy>> t = new LinkedHashMap<>();
        t.put(CHEAPEST_MEETING_BAR, CheapestMeetingBar::new);
        t.put(BEST_WITHIN_BUDGET, BestWithinBudget::new);
        return t;
    }

    /** The policy registered under {@code name}; an unknown name fails, listing the known ones. */
    public static RoutingPolicy byName(String name) {
        Supplier<RoutingPolicy> policy = TABLE.get(name);
        if (policy == null) {
            throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return policy.get();
    }

    /** Registered names, in table order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }
}
