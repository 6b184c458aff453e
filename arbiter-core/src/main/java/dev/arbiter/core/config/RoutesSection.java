package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.router.RoutePolicies;
import dev.arbiter.core.router.VirtualModels;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.policy.PolicyConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code routes} list: unique, well-formed names that are not virtual model names, a known policy whose
 * options it accepts (an option problem is reported at the option's own line), bars, a cost cap, a savings
 * baseline; once the catalog is merged, {@link #checkModels} makes sure every model a route names exists and no
 * route shadows a model.
 */
final class RoutesSection {
    private static final Set<String> KEYS = Set.of("name", "policy", "candidates", "quality_bar", "quality_bars",
            "max_cost_usd", "options", "baseline");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A route as read, with the cursors needed to point at it in later errors. */
    record Parsed(RouteConfig route, Cursor nameCursor, List<Cursor> candidateCursors, Cursor judgeCursor,
                  Cursor baselineCursor) {
    }

    private RoutesSection() {
    }

    static List<Parsed> read(Cursor list) {
        List<Parsed> out = new ArrayList<>();
        Map<String, Cursor> seen = new HashMap<>();
        for (Cursor item : list.items()) {
            Parsed parsed = route(item.fields(KEYS));
            Cursor first = seen.putIfAbsent(parsed.route().name(), parsed.nameCursor());
            if (first != null) {
                throw parsed.nameCursor().error("duplicate route name '" + parsed.route().name()
                        + "' (first defined at " + first.path() + ", line " + first.line() + ")");
            }
            out.add(parsed);
        }
        return out;
    }

    private static Parsed route(Fields f) {
        Cursor nameCursor = f.required("name");
        String name = name(nameCursor);
        Cursor policyCursor = f.optional("policy").orElse(null);
        String policy = policyCursor == null ? RoutePolicies.DEFAULT : policy(policyCursor);
        List<Cursor> candidateCursors = f.optional("candidates").map(Cursor::items).orElse(List.of());
        List<String> candidates = candidateCursors.stream().map(ModelReader::name).toList();
        Double bar = f.optional("quality_bar").map(QualityBars::bar).orElse(null);
        Map<TaskType, Double> bars = f.optional("quality_bars").map(QualityBars::perTask).orElse(Map.of());
        Double maxCost = f.optional("max_cost_usd").map(QualityBars::usd).orElse(null);
        Cursor optionsCursor = f.optional("options").orElse(null);
        Map<String, Object> options = optionsCursor == null ? Map.of() : options(optionsCursor);
        check(policy, options, optionsCursor != null ? optionsCursor : f.owner());
        Cursor judge = optionsCursor != null && RoutePolicies.CASCADE.equals(policy) && options.get("judge") instanceof String
                ? optionsCursor.entries().get("judge") : null;
        Cursor baselineCursor = f.optional("baseline").orElse(null);
        String baseline = baselineCursor == null ? null : ModelReader.name(baselineCursor);
        return new Parsed(new RouteConfig(name, policy, candidates, bar, bars, maxCost, options, baseline),
                nameCursor, candidateCursors, judge, baselineCursor);
    }

    private static String name(Cursor c) {
        String name = c.requiredText();
        if (!NAME.matcher(name).matches()) {
            throw c.error("route name '" + name + "' may hold only letters, digits, '.', '_' and '-'"
                    + " (and must start with a letter or digit)");
        }
        if (VirtualModels.isReserved(name)) {
            throw c.error("'" + name + "' is a virtual model name and cannot name a route (reserved: "
                    + String.join(", ", VirtualModels.RESERVED) + ")");
        }
        return name;
    }

    private static String policy(Cursor c) {
        String name = c.requiredText();
        if (!RoutePolicies.names().contains(name)) {
            throw c.error("unknown policy '" + name + "'" + Suggest.hint(name, RoutePolicies.names()));
        }
        return name;
    }

    private static Map<String, Object> options(Cursor c) {
        if (!(c.plain() instanceof Map<?, ?> map)) {
            throw c.error("options must be a mapping of the policy's settings");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, v));
        return out;
    }

    /** Lets the policy judge its options; its complaint starts with the option's key path, which we locate. */
    private static void check(String policy, Map<String, Object> options, Cursor optionsCursor) {
        try {
            RoutePolicies.check(policy, options);
        } catch (PolicyConfigException e) {
            throw locate(optionsCursor, e.path(), e.problem());
        } catch (IllegalArgumentException e) {
            throw locate(optionsCursor, e.getMessage());
        }
    }

    /** The node at {@code path} below the options (or the deepest existing one, naming the rest of the path). */
    private static ConfigException locate(Cursor options, List<Object> path, String problem) {
        Cursor at = options;
        int i = 0;
        for (; i < path.size(); i++) {
            Cursor next = at.child(path.get(i));
            if (next == null) {
                break;
            }
            at = next;
        }
        if (i == path.size()) {
            return at.error(problem);
        }
        StringBuilder rest = new StringBuilder();
        for (Object segment : path.subList(i, path.size())) {
            rest.append(segment instanceof Integer n ? "[" + n + "]" : (rest.isEmpty() ? "" : ".") + segment);
        }
        return at.error(rest + ": " + problem);
    }

    /** For messages that only name a key path (cascade options): the deepest option node it starts with. */
    static ConfigException locate(Cursor options, String message) {
        String prefix = options.path() + ".";
        Cursor best = options;
        String problem = message;
        int bestLength = -1;
        for (Cursor node : options.subtree()) {
            if (!node.path().startsWith(prefix)) {
                continue;
            }
            String relative = node.path().substring(prefix.length());
            if (relative.length() > bestLength && message.startsWith(relative)
                    && (message.length() == relative.length() || ": ".indexOf(message.charAt(relative.length())) >= 0)) {
                best = node;
                bestLength = relative.length();
                problem = message.substring(relative.length()).replaceFirst("^:?\\s*", "");
            }
        }
        return best.error(problem.isEmpty() ? message : problem);
    }

    /** Every model a route names must exist in the merged catalog, and no route may shadow a model's name. */
    static void checkModels(List<Parsed> routes, Collection<ModelEntry> catalog) {
        Set<String> names = new HashSet<>();
        for (ModelEntry m : catalog) {
            names.add(m.id());
            names.addAll(m.aliases());
        }
        for (Parsed p : routes) {
            if (names.contains(p.route().name())) {
                throw p.nameCursor().error("'" + p.route().name() + "' already names a catalog model; route names"
                        + " must differ from model ids and aliases");
            }
            for (Cursor c : p.candidateCursors()) {
                requireModel(c, c.requiredText(), names);
            }
            if (p.judgeCursor() != null) {
                requireModel(p.judgeCursor(), p.judgeCursor().requiredText(), names);
            }
            if (p.baselineCursor() != null) {
                requireModel(p.baselineCursor(), p.route().baseline(), names);
            }
        }
    }

    private static void requireModel(Cursor at, String name, Set<String> names) {
        if (!names.contains(name)) {
            throw at.error("unknown model '" + name + "'" + Suggest.hint(name, names));
        }
    }
}
