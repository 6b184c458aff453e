package dev.arbiter.core.routing.policy;

import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code rules} policy's options into {@link Rules}, failing on the first bad key with its path. */
final class RuleParser {
    private static final Set<String> TOP = Set.of("rules", "default");
    private static final Set<String> RULE = Set.of("name", "when", "model", "policy", "options");
    private static final Set<String> DEFAULT = Set.of("policy", "options");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final List<String> TASK_TYPES = Arrays.stream(TaskType.values()).map(TaskType::configName).toList();

    private RuleParser() {
    }

    static Rules parse(OptionNode options) {
        options.fields(TOP, Rules.NAME);
        OptionNode rulesNode = options.get("rules");
        if (rulesNode.isMissing()) {
            throw rulesNode.error("required key 'rules' is missing");
        }
        List<OptionNode> items = rulesNode.items();
        if (items.isEmpty()) {
            throw rulesNode.error("at least one rule is required");
        }
        List<Rules.Rule> rules = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (OptionNode item : items) {
            Rules.Rule rule = rule(rules.size(), item);
            if (rule.name() != null) {
                Integer first = names.putIfAbsent(rule.name(), rule.index());
                if (first != null) {
                    throw item.get("name").error("duplicate rule name '" + rule.name() + "' (first at rules[" + first + "])");
                }
            }
            rules.add(rule);
        }
        return new Rules(rules, defaultPolicy(options.get("default")));
    }

    private static Rules.Rule rule(int index, OptionNode item) {
        Map<String, OptionNode> f = item.fields(RULE, "a rule");
        OptionNode name = item.get("name");
        OptionNode when = item.get("when");
        RuleCondition condition = when.isMissing() ? RuleCondition.ALWAYS : condition(when);
        return new Rules.Rule(index, name.isMissing() ? null : name.text(), condition, action(item, f));
    }

    private static Rules.Action action(OptionNode rule, Map<String, OptionNode> f) {
        boolean model = present(f, "model");
        boolean policy = present(f, "policy");
        if (model == policy) {
            throw rule.error(model ? "give either 'model' or 'policy', not both" : "a rule needs an action: 'model: ID' or 'policy: NAME'");
        }
        if (model) {
            if (present(f, "options")) {
                throw f.get("options").error("'options' goes with 'policy', not with 'model'");
            }
            return new Rules.Target(f.get("model").text());
        }
        return new Rules.Delegate(Policies.create(f.get("policy"), rule.get("options")));
    }

    private static RoutingPolicy defaultPolicy(OptionNode node) {
        if (node.isMissing()) {
            return new CheapestMeetingBar();
        }
        if (!node.isMapping()) {
            return Policies.create(node, node.child("options", null));
        }
        node.fields(DEFAULT, "default");
        OptionNode policy = node.get("policy");
        if (policy.isMissing()) {
            throw policy.error("required key 'policy' is missing");
        }
        return Policies.create(policy, node.get("options"));
    }

    static RuleCondition condition(OptionNode when) {
        Map<String, OptionNode> f = when.fields(Set.copyOf(RuleCondition.KEYS), "when");
        Integer above = present(f, "input_tokens_gt") ? f.get("input_tokens_gt").count() : null;
        Integer below = present(f, "input_tokens_lt") ? f.get("input_tokens_lt").count() : null;
        if (above != null && below != null && (long) below <= (long) above + 1) {
            throw f.get("input_tokens_lt").error("no token count is above " + above + " and below " + below);
        }
        return new RuleCondition(
                texts(f.get("route"), false),
                taskTypes(f.get("task_type")),
                valueMap(f.get("header"), true),
                texts(f.get("header_present"), true),
                valueMap(f.get("metadata"), false),
                above, below,
                flag(f.get("has_tools")), flag(f.get("has_images")), flag(f.get("wants_json")),
                languages(f.get("language")));
    }

    private static Set<TaskType> taskTypes(OptionNode node) {
        Set<TaskType> out = new LinkedHashSet<>();
        for (OptionNode item : many(node)) {
            String typed = item.text();
            TaskType t = TaskType.fromConfigName(typed.toLowerCase(Locale.ROOT));
            if (t == null) {
                throw item.unknown("task type", typed, TASK_TYPES);
            }
            out.add(t);
        }
        return Set.copyOf(out);
    }

    private static Set<String> languages(OptionNode node) {
        Set<String> out = texts(node, true);
        for (OptionNode item : many(node)) {
            if (!LANGUAGE.matcher(item.text().toLowerCase(Locale.ROOT)).matches()) {
                throw item.error("expected an ISO 639-1 language code such as 'en', got '" + item.text() + "'");
            }
        }
        return out;
    }

    private static Map<String, Set<String>> valueMap(OptionNode node, boolean lowerCaseKeys) {
        if (node == null || node.isMissing()) {
            return Map.of();
        }
        Map<String, OptionNode> entries = node.entries();
        if (entries.isEmpty()) {
            throw node.error("must not be empty");
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(lowerCaseKeys ? k.toLowerCase(Locale.ROOT) : k, texts(v, false)));
        return Map.copyOf(out);
    }

    private static Set<String> texts(OptionNode node, boolean lowerCase) {
        Set<String> out = new LinkedHashSet<>();
        for (OptionNode item : many(node)) {
            out.add(lowerCase ? item.text().toLowerCase(Locale.ROOT) : item.text());
        }
        return Set.copyOf(out);
    }

    /** One value or a non-empty list of them; absent reads as none. */
    private static List<OptionNode> many(OptionNode node) {
        if (node == null || node.isMissing()) {
            return List.of();
        }
        List<OptionNode> items = node.oneOrMany();
        if (items.isEmpty()) {
            throw node.error("must not be an empty list");
        }
        return items;
    }

    private static Boolean flag(OptionNode node) {
        return node == null || node.isMissing() ? null : node.bool();
    }

    private static boolean present(Map<String, OptionNode> f, String key) {
        return f.containsKey(key) && !f.get(key).isMissing();
    }
}
