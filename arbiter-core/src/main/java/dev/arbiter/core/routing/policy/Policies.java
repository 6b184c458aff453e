package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.RoutingPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The explicit table of routing policies by name, and the factory the config reader calls with a route's
 * {@code policy:} and {@code options:}; adding a policy is one line here. Options are documented per policy
 * class and in docs/policies.md.
 */
public final class Policies {
    public static final String CHEAPEST_MEETING_BAR = CheapestMeetingBar.NAME;
    public static final String BEST_WITHIN_BUDGET = BestWithinBudget.NAME;
    public static final String LOWEST_LATENCY = LowestLatency.NAME;
    public static final String WEIGHTED = Weighted.NAME;
    public static final String RULES = Rules.NAME;
    public static final String PINNED = Pinned.NAME;

    private static final Map<String, Entry> TABLE = table();

    private Policies() {
    }

    private static Map<String, Entry> table() {
        Map<String, Entry> t = new LinkedHashMap<>();
        t.put(CHEAPEST_MEETING_BAR, Entry.optionless(CHEAPEST_MEETING_BAR, CheapestMeetingBar::new));
        t.put(BEST_WITHIN_BUDGET, Entry.optionless(BEST_WITHIN_BUDGET, BestWithinBudget::new));
        t.put(LOWEST_LATENCY, Entry.optionless(LOWEST_LATENCY, LowestLatency::new));
        t.put(WEIGHTED, new Entry(Weighted::create, false));
        t.put(RULES, new Entry(RuleParser::parse, false));
        t.put(PINNED, new Entry(Pinned::create, false));
        return t;
    }

    /**
     * Builds the policy {@code name} from a route's {@code options:} as a plain YAML tree (Map/List/String/
     * Number/Boolean; null means no options). Numbers and booleans may also arrive as their text.
     *
     * @throws PolicyConfigException (an IllegalArgumentException) for an unknown policy name (empty key path),
     *         or an unknown option key, wrong type or bad value, with the message starting with the offending key
     *         path below {@code options:}, e.g. {@code rules[1].when.task_type: unknown task type 'codng' (did you
     *         mean 'coding'?)}
     */
    public static RoutingPolicy create(String name, Map<String, ?> options) {
        if (name == null || name.isBlank()) {
            throw new PolicyConfigException(List.of(), "policy name is missing (known: " + String.join(", ", known()) + ")");
        }
        Entry entry = TABLE.get(name.strip());
        if (entry == null) {
            throw new PolicyConfigException(List.of(), "unknown policy '" + name + "'" + Closest.hint(name, known()));
        }
        return entry.factory().apply(OptionNode.root(options));
    }

    /** A nested policy (a rule's action, the rules default): the name and options are nodes of a larger tree. */
    static RoutingPolicy create(OptionNode nameNode, OptionNode optionsNode) {
        String name = nameNode.text();
        Entry entry = TABLE.get(name);
        if (entry == null) {
            throw nameNode.unknown("policy", name, known());
        }
        if (!optionsNode.isMissing() && !optionsNode.isMapping()) {
            optionsNode.entries(); // throws "expected a mapping" at the options' path
        }
        return entry.factory().apply(optionsNode);
    }

    /** The policy registered under {@code name} with no options (replay); fails for policies that need options. */
    public static RoutingPolicy byName(String name) {
        Entry entry = TABLE.get(name);
        if (entry == null || !entry.optionless()) {
            String why = entry == null ? "unknown policy '" + name + "'" : "policy '" + name + "' needs options";
            throw new IllegalArgumentException(why + " (known: " + String.join(", ", names()) + ")");
        }
        return entry.factory().apply(OptionNode.root(null));
    }

    /** Names {@link #byName} accepts (policies without options), in table order. */
    public static Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        TABLE.forEach((n, e) -> {
            if (e.optionless()) {
                out.add(n);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** Every registered name {@link #create} accepts, in table order. */
    public static Set<String> known() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    private record Entry(Function<OptionNode, RoutingPolicy> factory, boolean optionless) {
        static Entry optionless(String name, Supplier<RoutingPolicy> make) {
            return new Entry(options -> {
                options.fields(Set.of(), name);
                return make.get();
            }, true);
        }
    }
}
