package dev.arbiter.core.routing.policy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RoutingInput;
import dev.arbiter.core.routing.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Always chooses one configured model; with {@code fallbacks: true} the other candidates follow, most likely
 * first (then cheaper, then by name), so an outage of the pinned model degrades to the next best instead of an
 * error. When the pinned model is not among the candidates (the hard filters removed it: a capability it lacks,
 * a context too long, governance, an open circuit), the fallbacks go first if allowed; without fallbacks the
 * request fails with {@code provider_unavailable} (503, code {@code pinned_model_unavailable}), because
 * silently serving another model is exactly what pinning forbids.
 *
 * <p>Options: {@code model} (required): the model id; {@code fallbacks} (boolean, default false).
 */
final class Pinned implements RoutingPolicy {
    static final String NAME = "pinned";
    static final String UNAVAILABLE_CODE = "pinned_model_unavailable";

    private final String model;
    private final boolean fallbacks;

    Pinned(String model, boolean fallbacks) {
        this.model = model;
        this.fallbacks = fallbacks;
    }

    static Pinned create(OptionNode options) {
        Map<String, OptionNode> fields = options.fields(Set.of("model", "fallbacks"), NAME);
        OptionNode modelNode = options.get("model");
        if (modelNode.isMissing()) {
            throw modelNode.error("required key 'model' is missing");
        }
        OptionNode fallbacksNode = fields.get("fallbacks");
        return new Pinned(modelNode.text(), fallbacksNode != null && fallbacksNode.bool(false));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking rank(RoutingInput input) {
        Candidates.requireSome(input);
        Candidate pinned = Candidates.find(input.candidates(), model);
        if (pinned == null && !fallbacks) {
            throw new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "this route is pinned to model '" + model
                    + "', which cannot take this request now (filtered out by capability, context window,"
                    + " governance or health checks), and fallbacks are off", null, UNAVAILABLE_CODE, null);
        }
        List<Candidate> ranked = new ArrayList<>();
        if (pinned != null) {
            ranked.add(pinned);
        }
        if (fallbacks) {
            ranked.addAll(Candidates.othersBy(input.candidates(), pinned, Candidates.MOST_LIKELY));
        }
        String reason = pinned != null
                ? "pinned: " + Candidates.describe(pinned) + (fallbacks ? "; fallbacks most likely first" : "")
                : "pinned " + model + " is not a candidate; most likely: " + Candidates.describe(ranked.getFirst());
        return new Ranking(ranked, reason);
    }
}
