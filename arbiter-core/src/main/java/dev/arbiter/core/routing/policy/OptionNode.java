package dev.arbiter.core.routing.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One value of a policy's plain YAML options tree (Map/List/String/Number/Boolean) with the key path that led
 * to it; every typed read returns a value or throws a {@link PolicyConfigException} naming that path. Scalars
 * are read leniently (the text "90" is a number, "true" a boolean) because a config reader may hand over text.
 */
final class OptionNode {
    private final List<Object> path;
    private final Object value;

    private OptionNode(List<Object> path, Object value) {
        this.path = List.copyOf(path);
        this.value = value;
    }

    /** The root of a route's {@code options:}; null reads as an empty mapping. */
    static OptionNode root(Map<String, ?> options) {
        return new OptionNode(List.of(), options == null ? Map.of() : options);
    }

    boolean isMissing() {
        return value == null;
    }

    boolean isMapping() {
        return value instanceof Map<?, ?>;
    }

    PolicyConfigException error(String problem) {
        return new PolicyConfigException(path, problem);
    }

    /** The entries of a mapping, in order, after rejecting keys outside {@code known} with a suggestion. */
    Map<String, OptionNode> fields(Set<String> known, String owner) {
        Map<String, OptionNode> entries = entries();
        for (Map.Entry<String, OptionNode> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                String hint = known.isEmpty() ? " (" + owner + " takes no options)" : Closest.hint(e.getKey(), known);
                throw e.getValue().error("unknown key '" + e.getKey() + "'" + hint);
            }
        }
        return entries;
    }

    /** A free-form mapping (weights, headers) in order; missing reads as empty. */
    Map<String, OptionNode> entries() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("expected a mapping (key: value), got " + describe());
        }
        Map<String, OptionNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!(e.getKey() instanceof String) || key.isBlank()) {
                throw error("keys must be non-empty strings, got " + describe(e.getKey()));
            }
            out.put(key, child(key, e.getValue()));
        }
        return out;
    }

    /** The value under a key of this mapping (possibly missing; a missing mapping has only missing keys). */
    OptionNode get(String key) {
        if (value == null) {
            return child(key, null);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("expected a mapping (key: value), got " + describe());
        }
        return child(key, map.get(key));
    }

    /** The items of a list; missing reads as empty. */
    List<OptionNode> items() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("expected a list, got " + describe());
        }
        List<OptionNode> out = new ArrayList<>();
        for (Object item : list) {
            out.add(child(out.size(), item));
        }
        return out;
    }

    /** A list, or a single scalar standing for a one-item list ({@code task_type: coding}). */
    List<OptionNode> oneOrMany() {
        return value instanceof List<?> ? items() : List.of(this);
    }

    /** Non-blank text; numbers and booleans read as their text (a header value of 1 is "1"). */
    String text() {
        String text = switch (value) {
            case null -> throw error("required value is missing");
            case String s -> s.strip();
            case Number n -> plain(n);
            case Boolean b -> b.toString();
            default -> throw error("expected a single value, got " + describe());
        };
        if (text.isEmpty()) {
            throw error("must not be empty");
        }
        return text;
    }

    double number() {
        return switch (value) {
            case Number n -> n.doubleValue();
            case String s when isNumber(s.strip()) -> Double.parseDouble(s.strip());
            default -> throw error("expected a number, got " + describe());
        };
    }

    /** A whole number in [0, Integer.MAX_VALUE]. */
    int count() {
        double d = number();
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw error("expected a whole number, got " + describe());
        }
        if (d < 0 || d > Integer.MAX_VALUE) {
            throw error("must be between 0 and " + Integer.MAX_VALUE + ", got " + describe());
        }
        return (int) d;
    }

    boolean bool() {
        return switch (value) {
            case Boolean b -> b;
            case String s when s.strip().equalsIgnoreCase("true") -> true;
            case String s when s.strip().equalsIgnoreCase("false") -> false;
            default -> throw error("expected true or false, got " + describe());
        };
    }

    boolean bool(boolean ifMissing) {
        return value == null ? ifMissing : bool();
    }

    OptionNode child(Object segment, Object childValue) {
        List<Object> childPath = new ArrayList<>(path);
        childPath.add(segment);
        return new OptionNode(childPath, childValue);
    }

    /** Raises a bad-value error when {@code typed} is not one of {@code known}, suggesting the closest. */
    PolicyConfigException unknown(String what, String typed, Collection<String> known) {
        return error("unknown " + what + " '" + typed + "'" + Closest.hint(typed, known));
    }

    private String describe() {
        return describe(value);
    }

    private static String describe(Object v) {
        return switch (v) {
            case null -> "nothing";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case String s -> "'" + s + "'";
            case Number n -> plain(n);
            default -> String.valueOf(v);
        };
    }

    private static String plain(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
        }
        return n.toString();
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    }
}
