package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingContext;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits traffic between models by weight (A/B tests, canaries), sticky per user: each request's arm is drawn
 * deterministically from {@link RoutingContext#stickyKey()} (the user, else the request id; in offline replay,
 * where there is neither, the prompt text) and the route name, so a user always lands on the same arm.
 *
 * <p>The draw is weighted rendezvous hashing: every arm scores {@code -ln(u) / weight} with {@code u} a uniform
 * hash of (salt, route, key, arm), and the lowest score wins. An arm therefore wins with probability
 * {@code weight / sum of weights}; an arm that is not among the candidates (filtered out by capabilities, health
 * or governance) is skipped and its share spreads over the others in proportion, moving only its own users; and
 * raising a canary's weight only ever moves users onto it, never off it. The other arms follow as fallbacks in
 * score order, then every candidate that is not an arm, most likely first. Arms of weight 0 are never drawn but
 * stay as fallbacks after the drawn arms. When no arm with a positive weight is a candidate, the most likely
 * candidate goes first.
 *
 * <p>Options: {@code weights} (required): mapping model id to a non-negative number, at least one positive
 * (they need not sum to 100); {@code salt} (optional text): mixed into the hash to reshuffle who lands where.
 */
final class Weighted implements RoutingPolicy {
    static final String NAME = "weighted";

    private final Map<String, Double> weights;
    private final String salt;

    Weighted(Map<String, Double> weights, String salt) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights)); // config order names the arms
        this.salt = salt == null ? "" : salt;
    }

    static Weighted create(OptionNode options) {
        Map<String, OptionNode> fields = options.fields(Set.of("weights", "salt"), NAME);
        OptionNode weightsNode = options.get("weights");
        if (weightsNode.isMissing()) {
            throw weightsNode.error("required key 'weights' is missing (e.g. weights: {model-a: 90, model-b: 10})");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, OptionNode> e : weightsNode.entries().entrySet()) {
            double w = e.getValue().number();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw e.getValue().error("weight must be a finite number >= 0, got " + number(w));
            }
            weights.put(e.getKey(), w);
            total += w;
        }
        if (!(total > 0)) {
            throw weightsNode.error("at least one weight must be positive");
        }
        OptionNode saltNode = fields.get("salt");
        return new Weighted(weights, saltNode == null || saltNode.isMissing() ? null : saltNode.text());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        String key = stickyKey(input);
        String route = input.context().route() == null ? "" : input.context().route();
        List<Arm> arms = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            Candidate c = Candidates.find(input.candidates(), w.getKey());
            if (c == null) {
                missing.add(w.getKey());
            } else {
                arms.add(new Arm(c, w.getValue(), score(route, key, w.getKey(), w.getValue())));
            }
        }
        arms.sort(Comparator.comparingDouble(Arm::score).thenComparing(a -> a.candidate().model()));
        boolean drawn = !arms.isEmpty() && arms.getFirst().weight() > 0;
        List<Candidate> ranked = new ArrayList<>();
        if (drawn) {
            arms.forEach(a -> ranked.add(a.candidate()));
        }
        List<Candidate> rest = new ArrayList<>(input.candidates());
        rest.removeAll(ranked);
        rest.sort(Candidates.MOST_LIKELY);
        ranked.addAll(rest);
        return new Ranking(ranked, reason(drawn, arms, missing, input.context(), ranked.getFirst()));
    }

    private double score(String route, String key, String arm, double weight) {
        if (weight <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double u = StableHash.unit(StableHash.hash(salt, route, key, arm));
        return -Math.log(u) / weight;
    }

    private static String stickyKey(RoutingInput input) {
        String key = input.context().stickyKey();
        if (key != null) {
            return key;
        }
        String prompt = input.features() == null ? null : input.features().promptText();
        return prompt == null ? "" : prompt;
    }

    private static String reason(boolean drawn, List<Arm> arms, List<String> missing, RoutingContext ctx,
                                 Candidate chosen) {
        String unavailable = missing.isEmpty() ? "" : "; unavailable: " + String.join(", ", missing);
        if (!drawn) {
            return "no weighted arm is a candidate" + unavailable + "; most likely: " + Candidates.describe(chosen);
        }
        double total = arms.stream().mapToDouble(Arm::weight).sum();
        String by = ctx.user() != null ? "user" : ctx.requestId() != null ? "request id" : "prompt";
        return "weighted arm " + chosen.model() + " (weight " + number(arms.getFirst().weight()) + " of "
                + number(total) + ", keyed by " + by + ")" + unavailable;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private record Arm(Candidate candidate, double weight, double score) {
    }
}
