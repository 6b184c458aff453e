package dev.arbiter.core.routing.policy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes by an ordered list of rules: the first rule whose conditions all hold decides, either by sending the
 * request to one model or by handing it to another policy (with its own options); when none matches, a default
 * policy decides (cheapest-meeting-bar unless configured). The reason names the rule that fired as
 * {@code rules[i]} (and its {@code name} when given), followed by what it chose.
 *
 * <p>A rule whose target model is not among the candidates (filtered out: a missing capability, a context too
 * long, governance, an open circuit) does not apply; the next rules are tried and the reason says it was skipped.
 * After a target model, the other candidates follow as fallbacks in the default policy's order.
 *
 * <p>Options: {@code rules} (required list); each rule has an optional {@code name}, an optional {@code when}
 * (conditions, all must hold; absent means always: {@code route}, {@code task_type}, {@code language}
 * (one or a list, any of); {@code header} and {@code metadata} (mapping of name to value or list of values);
 * {@code header_present} (one name or a list, all present); {@code input_tokens_gt}, {@code input_tokens_lt}
 * (strict bounds); {@code has_tools}, {@code has_images}, {@code wants_json} (booleans)), and exactly one action:
 * {@code model: ID}, or {@code policy: NAME} with optional {@code options:}. {@code default} (optional): a
 * policy name, or a mapping {@code {policy: NAME, options: {...}}}.
 */
final class Rules implements RoutingPolicy {
    static final String NAME = "rules";

    private final List<Rule> rules;
    private final RoutingPolicy fallback;

    Rules(List<Rule> rules, RoutingPolicy fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        List<String> skipped = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.when().matches(input)) {
                continue;
            }
            switch (rule.then()) {
                case Target t -> {
                    Candidate target = Candidates.find(input.candidates(), t.model());
                    if (target != null) {
                        return new Ranking(withFallbacks(target, input),
                                rule.label() + " -> " + Candidates.describe(target) + note(skipped));
                    }
                    skipped.add(rule.label() + " (" + t.model() + " is not a candidate)");
                }
                case Delegate d -> {
                    Ranking r = d.policy().rank(input);
                    return new Ranking(r.ranked(), rule.label() + " -> " + d.policy().name() + ": " + r.reason()
                            + note(skipped));
                }
            }
        }
        Ranking r = fallback.rank(input);
        return new Ranking(r.ranked(), "no rule matched -> " + fallback.name() + ": " + r.reason() + note(skipped));
    }

    /** The target, then the other candidates as the default policy would rank them. */
    private List<Candidate> withFallbacks(Candidate target, RoutingInput input) {
        List<Candidate> ranked = new ArrayList<>();
        ranked.add(target);
        List<Candidate> others = new ArrayList<>(input.candidates());
        others.remove(target);
        if (others.isEmpty()) {
            return ranked;
        }
        try {
            ranked.addAll(fallback.rank(new RoutingInput(input.features(), others, input.settings(),
                    input.context())).ranked());
        } catch (ArbiterException noFallback) {
            // a default that refuses the rest (pinned without fallbacks) leaves the target alone; that is its answer
        }
        return ranked;
    }

    private static String note(List<String> skipped) {
        return skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped);
    }

    /** One rule: its position (for the reason and error paths), optional name, condition and action. */
    record Rule(int index, String name, RuleCondition when, Action then) {
        String label() {
            return "rules[" + index + "]" + (name == null ? "" : " '" + name + "'");
        }
    }

    /** What a matching rule does. */
    sealed interface Action permits Target, Delegate {
    }

    /** Send the request to this model. */
    record Target(String model) implements Action {
    }

    /** Let this policy decide. */
    record Delegate(RoutingPolicy policy) implements Action {
    }
}
