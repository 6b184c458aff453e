package dev.arbiter.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.FilteredModel;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RoutingDecision;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The x-arbiter-decision line: compact, stable key order, and parseable back into its pairs. */
class DecisionHeaderTest {
    private static final RoutingDecision DECISION = new RoutingDecision("auto", "auto", TaskType.CODING, false,
            List.of(new RoutingDecision.TaskShare(TaskType.CODING, 0.72), new RoutingDecision.TaskShare(TaskType.MATH, 0.18)),
            1.3249, new PolicySettings(0.8, null), "cheapest-meeting-bar", "cheapest meeting bar 0.80: ...",
            List.of(new Candidate("openai/gpt-5-mini", 0.861, 0.000412345, Double.NaN),
                    new Candidate("openai/gpt-5.4", 0.953, 0.0052, 900)),
            List.of(new FilteredModel("x/old", "lifecycle", "is deprecated")), List.of(), 12_000);

    @Test
    void formatsTheDecisionAsOneLineOfKeyValuePairs() {
        assertThat(DecisionHeader.format(DECISION)).isEqualTo("task=coding; mix=coding:0.72,math:0.18;"
                + " difficulty=1.32; bar=0.80; chosen=openai/gpt-5-mini (p=0.86, $0.000412);"
                + " runner_up=openai/gpt-5.4 (p=0.95, $0.0052); policy=cheapest-meeting-bar; filtered=1");
    }

    @Test
    void parsesBackIntoItsPairsInOrder() {
        Map<String, String> pairs = DecisionHeader.parse(DecisionHeader.format(DECISION));

        assertThat(pairs.keySet()).containsExactly("task", "mix", "difficulty", "bar", "chosen", "runner_up", "policy",
                "filtered");
        assertThat(pairs.get("chosen")).isEqualTo("openai/gpt-5-mini (p=0.86, $0.000412)");
    }

    @Test
    void aCapAForcedTaskAndCascadeTriesAddTheirKeys() {
        RoutingDecision d = new RoutingDecision("r", "auto:coding", TaskType.CODING, true, DECISION.taskMix(), 0,
                new PolicySettings(0.9, 0.01), "cascade", "", DECISION.ranked().subList(0, 1), List.of(),
                List.of(new RoutingDecision.Try("a/b", false, "rejected(refusal)"), new RoutingDecision.Try("c/d", true, "accepted")),
                0);

        Map<String, String> pairs = DecisionHeader.parse(DecisionHeader.format(d));

        assertThat(pairs).containsEntry("task", "coding (forced)").containsEntry("max_cost", "$0.01")
                .containsEntry("runner_up", "none").containsEntry("tries", "a/b:rejected(refusal),c/d:accepted");
    }

    @Test
    void aDirectRequestSaysItWasPinned() {
        assertThat(DecisionHeader.parse(DecisionHeader.direct("openai/gpt-5.4")))
                .containsExactly(Map.entry("chosen", "openai/gpt-5.4"), Map.entry("policy", "pinned"));
    }
}
