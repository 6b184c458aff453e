package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Yaml.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void findsEachOptionlessPolicyByItsName() {
        for (String name : Policies.names()) {
            assertThat(Policies.byName(name).name()).isEqualTo(name);
        }
        assertThat(Policies.names()).containsExactly("cheapest-meeting-bar", "best-within-budget", "lowest-latency");
    }

    @Test
    void knowsEveryPolicyTheFactoryBuilds() {
        assertThat(Policies.known()).containsExactly("cheapest-meeting-bar", "best-within-budget", "lowest-latency",
                "weighted", "rules", "pinned");
    }

    @Test
    void anUnknownNameFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> Policies.byName("cheapest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown policy 'cheapest' (known: cheapest-meeting-bar, best-within-budget, lowest-latency)");
    }

    @Test
    void byNameRefusesAPolicyThatNeedsOptions() {
        assertThatThrownBy(() -> Policies.byName("weighted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("policy 'weighted' needs options");
    }

    @Test
    void createsEachPolicyFromItsOptionsTree() {
        assertThat(Policies.create("cheapest-meeting-bar", null).name()).isEqualTo("cheapest-meeting-bar");
        assertThat(Policies.create("best-within-budget", Map.of()).name()).isEqualTo("best-within-budget");
        assertThat(Policies.create("lowest-latency", Map.of()).name()).isEqualTo("lowest-latency");
        assertThat(Policies.create("weighted", options("weights: {a: 1}")).name()).isEqualTo("weighted");
        assertThat(Policies.create("rules", options("rules: [{model: a}]")).name()).isEqualTo("rules");
        assertThat(Policies.create("pinned", options("model: a")).name()).isEqualTo("pinned");
    }

    @Test
    void anUnknownPolicySuggestsTheClosestNameWithAnEmptyKeyPath() {
        PolicyConfigException e = fails("lowst-latency", "{}");

        assertThat(e).hasMessage("unknown policy 'lowst-latency' (did you mean 'lowest-latency'?)");
        assertThat(e.path()).isEmpty();
    }

    @Test
    void anUnknownOptionKeySuggestsTheClosestKnownOne() {
        assertThat(fails("weighted", "weigths: {a: 1}"))
                .hasMessage("weigths: unknown key 'weigths' (did you mean 'weights'?)");
    }

    @Test
    void aPolicyWithoutOptionsRejectsAnyOption() {
        assertThat(fails("cheapest-meeting-bar", "bar: 0.9"))
                .hasMessage("bar: unknown key 'bar' (cheapest-meeting-bar takes no options)");
    }

    @Test
    void anUnknownTaskTypeInARuleNamesItsKeyPath() {
        PolicyConfigException e = fails("rules", """
                rules:
                  - {when: {task_type: math}, model: a}
                  - {when: {task_type: codng}, model: b}
                """);

        assertThat(e).hasMessage("rules[1].when.task_type: unknown task type 'codng' (did you mean 'coding'?)");
        assertThat(e.path()).containsExactly("rules", 1, "when", "task_type");
        assertThat(e.problem()).isEqualTo("unknown task type 'codng' (did you mean 'coding'?)");
    }

    @Test
    void aBadItemInAListIsNamedByItsIndex() {
        assertThat(fails("rules", "rules: [{when: {task_type: [math, poetry]}, model: a}]"))
                .hasMessage("rules[0].when.task_type[1]: unknown task type 'poetry' (expected one of: agentic, chat,"
                        + " coding, creative, extraction, long_context, math, science, vision)");
    }

    @Test
    void aKeyPathKeepsModelIdsWithDotsAsOneSegment() {
        PolicyConfigException e = fails("weighted", "weights: {openai/gpt-5.4: ninety}");

        assertThat(e).hasMessage("weights.openai/gpt-5.4: expected a number, got 'ninety'");
        assertThat(e.path()).containsExactly("weights", "openai/gpt-5.4");
    }

    @Test
    void rejectsBadWeights() {
        assertThat(fails("weighted", "weights: {a: -5}")).hasMessage("weights.a: weight must be a finite number >= 0, got -5");
        assertThat(fails("weighted", "weights: {a: 0, b: 0}")).hasMessage("weights: at least one weight must be positive");
        assertThat(fails("weighted", "weights: [a, b]")).hasMessage("weights: expected a mapping (key: value), got a list");
        assertThat(fails("weighted", "salt: x")).hasMessageStartingWith("weights: required key 'weights' is missing");
    }

    @Test
    void rejectsBadPinnedOptions() {
        assertThat(fails("pinned", "fallbacks: true")).hasMessage("model: required key 'model' is missing");
        assertThat(fails("pinned", "{model: a, fallbacks: yes please}"))
                .hasMessage("fallbacks: expected true or false, got 'yes please'");
        assertThat(fails("pinned", "model: [a, b]")).hasMessage("model: expected a single value, got a list");
    }

    @Test
    void aRuleNeedsExactlyOneAction() {
        assertThat(fails("rules", "rules: [{name: x}]"))
                .hasMessage("rules[0]: a rule needs an action: 'model: ID' or 'policy: NAME'");
        assertThat(fails("rules", "rules: [{model: a, policy: pinned}]"))
                .hasMessage("rules[0]: give either 'model' or 'policy', not both");
        assertThat(fails("rules", "rules: [{model: a, options: {x: 1}}]"))
                .hasMessage("rules[0].options: 'options' goes with 'policy', not with 'model'");
        assertThat(fails("rules", "rules: []")).hasMessage("rules: at least one rule is required");
        assertThat(fails("rules", "default: pinned")).hasMessage("rules: required key 'rules' is missing");
    }

    @Test
    void errorsInsideANestedPolicyCarryTheFullPath() {
        assertThat(fails("rules", "rules: [{policy: lowest-latncy}]"))
                .hasMessage("rules[0].policy: unknown policy 'lowest-latncy' (did you mean 'lowest-latency'?)");
        assertThat(fails("rules", "rules: [{policy: weighted, options: {weights: {a: 1, b: x}}}]"))
                .hasMessage("rules[0].options.weights.b: expected a number, got 'x'");
        assertThat(fails("rules", "rules: [{model: a}]\ndefault: {policy: pinned, options: {}}"))
                .hasMessage("default.options.model: required key 'model' is missing");
        assertThat(fails("rules", "rules: [{model: a}]\ndefault: {polcy: pinned}"))
                .hasMessage("default.polcy: unknown key 'polcy' (did you mean 'policy'?)");
        assertThat(fails("rules", "rules: [{model: a}]\ndefault: wieghted"))
                .hasMessage("default: unknown policy 'wieghted' (did you mean 'weighted'?)");
    }

    @Test
    void rejectsBadConditions() {
        assertThat(fails("rules", "rules: [{when: {taks_type: coding}, model: a}]"))
                .hasMessage("rules[0].when.taks_type: unknown key 'taks_type' (did you mean 'task_type'?)");
        assertThat(fails("rules", "rules: [{when: {input_tokens_gt: 1.5}, model: a}]"))
                .hasMessage("rules[0].when.input_tokens_gt: expected a whole number, got 1.5");
        assertThat(fails("rules", "rules: [{when: {input_tokens_gt: 100, input_tokens_lt: 101}, model: a}]"))
                .hasMessage("rules[0].when.input_tokens_lt: no token count is above 100 and below 101");
        assertThat(fails("rules", "rules: [{when: {language: english}, model: a}]"))
                .hasMessage("rules[0].when.language: expected an ISO 639-1 language code such as 'en', got 'english'");
        assertThat(fails("rules", "rules: [{when: {has_tools: maybe}, model: a}]"))
                .hasMessage("rules[0].when.has_tools: expected true or false, got 'maybe'");
        assertThat(fails("rules", "rules: [{when: {route: []}, model: a}]"))
                .hasMessage("rules[0].when.route: must not be an empty list");
        assertThat(fails("rules", "rules: [{name: x, model: a}, {name: x, model: b}]"))
                .hasMessage("rules[1].name: duplicate rule name 'x' (first at rules[0])");
    }

    @Test
    void readsNumbersAndBooleansGivenAsText() {
        Map<String, Object> tree = new HashMap<>();
        tree.put("weights", Map.of("a", "90", "b", "10"));

        assertThat(Policies.create("weighted", tree).name()).isEqualTo("weighted");
        assertThat(Policies.create("rules", Map.of("rules", List.of(Map.of("when", Map.of("has_tools", "true",
                "input_tokens_gt", "1000"), "model", "a")))).name()).isEqualTo("rules");
    }

    @Test
    void everyOptionErrorIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> Policies.create("pinned", Map.of("model", 3.5, "fallbacks", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fallbacks: expected true or false, got 1");
    }

    private static PolicyConfigException fails(String name, String yaml) {
        try {
            Policies.create(name, options(yaml));
        } catch (PolicyConfigException e) {
            return e;
        }
        throw new AssertionError("expected " + name + " with " + yaml + " to fail");
    }
}
