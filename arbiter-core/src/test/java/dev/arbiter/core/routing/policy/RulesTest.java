package dev.arbiter.core.routing.policy;

import static dev.arbiter.core.routing.policy.Snapshots.CHAT;
import static dev.arbiter.core.routing.policy.Snapshots.candidate;
import static dev.arbiter.core.routing.policy.Snapshots.context;
import static dev.arbiter.core.routing.policy.Snapshots.features;
import static dev.arbiter.core.routing.policy.Snapshots.input;
import static dev.arbiter.core.routing.policy.Snapshots.models;
import static dev.arbiter.core.routing.policy.Snapshots.user;
import static dev.arbiter.core.routing.policy.Yaml.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.Candidate;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.RoutingContext;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.TaskType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesTest {
    private static final Candidate BIG = candidate("big", 0.95, 0.010, 2000);
    private static final Candidate MID = candidate("mid", 0.85, 0.002, 900);
    private static final Candidate FAST = candidate("fast", 0.70, 0.001, 150);
    private static final Candidate VISION = candidate("vision", 0.80, 0.004, 1200);
    private static final RoutingContext NO_ONE = context("support", null, Map.of(), Map.of());

    @Test
    void theFirstMatchingRuleDecidesAndTheReasonNamesIt() {
        RoutingPolicy rules = policy("rules", """
                rules:
                  - {name: images, when: {has_images: true}, model: vision}
                  - {name: code, when: {task_type: [coding, math]}, model: big}
                  - {when: {task_type: coding}, model: fast}
                """);

        Ranking r = rules.rank(input(features(TaskType.CODING, "en", 100, false, false, false), NO_ONE, 0.8,
                FAST, MID, BIG));

        assertThat(r.chosen().model()).isEqualTo("big");
        assertThat(r.reason()).isEqualTo("rules[1] 'code' -> big (p=0.95, $0.01)");
    }

    @Test
    void anUnnamedRuleIsNamedByItsIndex() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {has_tools: false}, model: mid}]");

        assertThat(rules.rank(input(NO_ONE, FAST, MID)).reason()).isEqualTo("rules[0] -> mid (p=0.85, $0.002)");
    }

    @Test
    void theOtherCandidatesFollowATargetModelInTheDefaultPolicysOrder() {
        RoutingPolicy rules = policy("rules", """
                rules: [{model: big}]
                default: lowest-latency
                """);

        Ranking r = rules.rank(input(CHAT, NO_ONE, 0.8, MID, BIG, FAST));

        assertThat(models(r.ranked())).containsExactly("big", "mid", "fast");
    }

    @Test
    void aRuleWhoseModelIsNotACandidateIsSkippedForTheNextOne() {
        RoutingPolicy rules = policy("rules", """
                rules:
                  - {name: gemini-vision, when: {has_images: true}, model: gemini}
                  - {name: any-vision, when: {has_images: true}, model: vision}
                """);

        Ranking r = rules.rank(input(features(TaskType.VISION, "en", 100, true, false, false), NO_ONE, 0.8,
                MID, VISION));

        assertThat(r.chosen().model()).isEqualTo("vision");
        assertThat(r.reason()).isEqualTo("rules[1] 'any-vision' -> vision (p=0.80, $0.004);"
                + " skipped rules[0] 'gemini-vision' (gemini is not a candidate)");
    }

    @Test
    void aRuleMayHandTheRequestToAnotherPolicyWithItsOwnOptions() {
        RoutingPolicy rules = policy("rules", """
                rules:
                  - name: canary
                    when: {header: {x-team: platform}}
                    policy: weighted
                    options: {weights: {mid: 0, fast: 1}}
                """);

        Ranking r = rules.rank(input(CHAT, context("support", "u1", Map.of("x-team", "platform"), Map.of()), 0.8,
                BIG, MID, FAST));

        assertThat(models(r.ranked())).containsExactly("fast", "mid", "big");
        assertThat(r.reason()).isEqualTo("rules[0] 'canary' -> weighted: weighted arm fast (weight 1 of 1, keyed by user)");
    }

    @Test
    void theDefaultPolicyDecidesWhenNoRuleMatches() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {route: other}, model: big}]");

        Ranking r = rules.rank(input(CHAT, NO_ONE, 0.8, BIG, MID, FAST));

        assertThat(r.chosen().model()).isEqualTo("mid");
        assertThat(r.reason()).isEqualTo("no rule matched -> cheapest-meeting-bar: cheapest meeting bar 0.80:"
                + " mid (p=0.85, $0.002)");
    }

    @Test
    void theDefaultMayBeAPolicyWithOptions() {
        RoutingPolicy rules = policy("rules", """
                rules: [{when: {route: other}, model: big}]
                default: {policy: pinned, options: {model: fast, fallbacks: true}}
                """);

        assertThat(models(rules.rank(input(CHAT, NO_ONE, 0.8, BIG, MID, FAST)).ranked()))
                .containsExactly("fast", "big", "mid");
    }

    @Test
    void aRuleWithoutConditionsAlwaysMatches() {
        RoutingPolicy rules = policy("rules", "rules: [{model: fast}]");

        assertThat(rules.rank(input(CHAT, RoutingContext.NONE, 0.99, BIG, FAST)).chosen().model()).isEqualTo("fast");
    }

    @Test
    void everyConditionOfARuleMustHold() {
        RoutingPolicy rules = policy("rules", """
                rules: [{when: {task_type: coding, has_tools: true, language: en}, model: fast}]
                default: best-within-budget
                """);

        assertThat(chosen(rules, features(TaskType.CODING, "en", 10, false, true, false), NO_ONE)).isEqualTo("fast");
        assertThat(chosen(rules, features(TaskType.CODING, "de", 10, false, true, false), NO_ONE)).isEqualTo("big");
        assertThat(chosen(rules, features(TaskType.CODING, "en", 10, false, false, false), NO_ONE)).isEqualTo("big");
    }

    @Test
    void matchesOnTheRoute() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {route: [support, sales]}, model: fast}]\n"
                + "default: best-within-budget");

        assertThat(chosen(rules, CHAT, user("sales", "u"))).isEqualTo("fast");
        assertThat(chosen(rules, CHAT, user("legal", "u"))).isEqualTo("big");
        assertThat(chosen(rules, CHAT, RoutingContext.NONE)).isEqualTo("big");
    }

    @Test
    void matchesAHeaderValueWhateverTheCaseOfItsConfiguredName() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {header: {X-Tier: [gold, 1]}}, model: fast}]\n"
                + "default: best-within-budget");

        assertThat(chosen(rules, CHAT, context(null, null, Map.of("x-tier", "1"), Map.of()))).isEqualTo("fast");
        assertThat(chosen(rules, CHAT, context(null, null, Map.of("x-tier", "gold"), Map.of()))).isEqualTo("fast");
        assertThat(chosen(rules, CHAT, context(null, null, Map.of("x-tier", "Gold"), Map.of()))).isEqualTo("big");
        assertThat(chosen(rules, CHAT, context(null, null, Map.of(), Map.of()))).isEqualTo("big");
    }

    @Test
    void matchesWhenEveryListedHeaderIsPresent() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {header_present: [x-debug, X-Trace]}, model: fast}]\n"
                + "default: best-within-budget");

        assertThat(chosen(rules, CHAT, context(null, null, Map.of("x-debug", "", "x-trace", "1"), Map.of())))
                .isEqualTo("fast");
        assertThat(chosen(rules, CHAT, context(null, null, Map.of("x-debug", "1"), Map.of()))).isEqualTo("big");
    }

    @Test
    void matchesAMetadataValue() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {metadata: {tenant: acme}}, model: fast}]\n"
                + "default: best-within-budget");

        assertThat(chosen(rules, CHAT, context(null, null, Map.of(), Map.of("tenant", "acme")))).isEqualTo("fast");
        assertThat(chosen(rules, CHAT, context(null, null, Map.of(), Map.of("tenant", "other")))).isEqualTo("big");
    }

    @Test
    void matchesInputTokensStrictlyBetweenTheBounds() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {input_tokens_gt: 1000, input_tokens_lt: 5000},"
                + " model: fast}]\ndefault: best-within-budget");

        assertThat(chosen(rules, tokens(1001), NO_ONE)).isEqualTo("fast");
        assertThat(chosen(rules, tokens(4999), NO_ONE)).isEqualTo("fast");
        assertThat(chosen(rules, tokens(1000), NO_ONE)).isEqualTo("big");
        assertThat(chosen(rules, tokens(5000), NO_ONE)).isEqualTo("big");
    }

    @Test
    void matchesImagesToolsAndJsonFlagsBothWays() {
        RoutingPolicy rules = policy("rules", """
                rules: [{when: {has_images: false, has_tools: false, wants_json: true}, model: fast}]
                default: best-within-budget
                """);

        assertThat(chosen(rules, features(TaskType.EXTRACTION, "en", 10, false, false, true), NO_ONE)).isEqualTo("fast");
        assertThat(chosen(rules, features(TaskType.EXTRACTION, "en", 10, true, false, true), NO_ONE)).isEqualTo("big");
        assertThat(chosen(rules, features(TaskType.EXTRACTION, "en", 10, false, false, false), NO_ONE)).isEqualTo("big");
    }

    @Test
    void matchesTheLanguageCaseInsensitively() {
        RoutingPolicy rules = policy("rules", "rules: [{when: {language: [ZH, ja]}, model: fast}]\n"
                + "default: best-within-budget");

        assertThat(chosen(rules, features(TaskType.CHAT, "zh", 10, false, false, false), NO_ONE)).isEqualTo("fast");
        assertThat(chosen(rules, features(TaskType.CHAT, "en", 10, false, false, false), NO_ONE)).isEqualTo("big");
    }

    @Test
    void rulesMayNest() {
        RoutingPolicy rules = policy("rules", """
                rules:
                  - name: outer
                    when: {route: support}
                    policy: rules
                    options: {rules: [{name: inner, when: {task_type: chat}, model: fast}]}
                """);

        assertThat(rules.rank(input(CHAT, NO_ONE, 0.5, BIG, FAST)).reason())
                .isEqualTo("rules[0] 'outer' -> rules: rules[0] 'inner' -> fast (p=0.70, $0.001)");
    }

    private static RequestFeatures tokens(int n) {
        return features(TaskType.CHAT, "en", n, false, false, false);
    }

    private static String chosen(RoutingPolicy rules, RequestFeatures f, RoutingContext ctx) {
        return rules.rank(input(f, ctx, 0.5, BIG, MID, FAST)).chosen().model();
    }
}
