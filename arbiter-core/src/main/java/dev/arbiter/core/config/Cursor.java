package dev.arbiter.core.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML node with the key path that led to it ({@code models[1].price.input}); every typed read either
 * returns a value or throws a {@link ConfigException} located at this node.
 */
final class Cursor {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final Source source;
    private final Node node;
    private final Node keyNode; // the mapping key this value sits under; null for roots and list items
    private final String path;

    Cursor(Source source, Node node, String path) {
        this(source, node, null, path);
    }

    private Cursor(Source source, Node node, Node keyNode, String path) {
        this.source = source;
        this.node = node;
        this.keyNode = keyNode;
        this.path = path;
    }

    String path() {
        return path;
    }

    /** The label of the file this node came from, as used in error messages. */
    String file() {
        return source.file();
    }

    int line() {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    /** A problem with this node's value. */
    ConfigException error(String problem) {
        return errorAt(node, path, problem);
    }

    /** A problem with a key missing from this mapping: located at the mapping, named by the key's path. */
    ConfigException missing(String key) {
        return errorAt(node, childPath(key), "required key '" + key + "' is missing");
    }

    private ConfigException errorAt(Node at, String keyPath, String problem) {
        Mark mark = at.getStartMark().orElse(null);
        return mark == null
                ? new ConfigException(source.file(), 0, 0, keyPath, problem)
                : new ConfigException(source.file(), mark.getLine() + 1, mark.getColumn() + 1, keyPath, problem);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.isPlain() && Tag.NULL.equals(s.getTag());
    }

    /** The mapping's entries after rejecting unknown keys (with a suggestion) and duplicate keys. */
    Fields fields(Set<String> known) {
        Map<String, Cursor> entries = entries();
        for (Map.Entry<String, Cursor> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                Cursor value = e.getValue();
                throw errorAt(value.keyNode, value.path,
                        "unknown key '" + e.getKey() + "'" + Suggest.hint(e.getKey(), known));
            }
        }
        return new Fields(this, entries);
    }

    /** A free-form mapping (headers, benchmarks) in order, with duplicate keys rejected. */
    Map<String, Cursor> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value), got " + describe());
        }
        Map<String, Cursor> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().isEmpty()) {
                throw errorAt(tuple.getKeyNode(), path, "keys must be non-empty plain strings");
            }
            String name = key.getValue();
            Cursor previous = out.get(name);
            if (previous != null) {
                throw errorAt(key, childPath(name),
                        "duplicate key '" + name + "' (first given on line " + previous.keyLine() + ")");
            }
            out.put(name, new Cursor(source, tuple.getValueNode(), key, childPath(name)));
        }
        return out;
    }

    private int keyLine() {
        return keyNode.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    /** The items of a list; YAML null reads as an empty list. */
    List<Cursor> items() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + describe());
        }
        List<Cursor> out = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            out.add(new Cursor(source, item, path + "[" + out.size() + "]"));
        }
        return out;
    }

    /** The scalar's text after {@code ${VAR}} expansion; null for YAML null. */
    String text() {
        if (isNull()) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value, got " + describe());
        }
        try {
            return source.interpolator().expand(scalar.getValue());
        } catch (Interpolator.Problem p) {
            throw error(p.getMessage());
        }
    }

    /** Non-blank text. */
    String requiredText() {
        String text = text();
        if (text == null || text.isBlank()) {
            throw error("must not be empty");
        }
        return text.strip();
    }

    long longValue() {
        String text = requiredNumberText("an integer");
        if (!INTEGER.matcher(text).matches()) {
            throw error("expected an integer, got '" + text + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("integer '" + text + "' is out of range");
        }
    }

    int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error("integer " + value + " is out of range");
        }
        return (int) value;
    }

    BigDecimal decimal() {
        String text = requiredNumberText("a number");
        if (!DECIMAL.matcher(text).matches()) {
            throw error("expected a number, got '" + text + "'");
        }
        return new BigDecimal(text);
    }

    boolean bool() {
        String text = requiredNumberText("true or false");
        return switch (text) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw error("expected true or false, got '" + text + "'");
        };
    }

    /**
     * The value as plain Java data, for free-form option mappings: mappings become ordered maps, lists lists,
     * unquoted integers Long, unquoted decimals Double, unquoted true/false Boolean, YAML null null, anything
     * else (including every quoted scalar) its text.
     */
    Object plain() {
        if (node instanceof MappingNode) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries().forEach((key, value) -> out.put(key, value.plain()));
            return out;
        }
        if (node instanceof SequenceNode) {
            return items().stream().map(Cursor::plain).toList();
        }
        if (isNull()) {
            return null;
        }
        String text = text();
        if (!((ScalarNode) node).isPlain()) {
            return text;
        }
        String t = text.strip();
        if (INTEGER.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(t);
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        return switch (t) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> text;
        };
    }

    /** The child at a mapping key (a String) or list index (an Integer), or null when there is none. */
    Cursor child(Object segment) {
        if (segment instanceof String key && node instanceof MappingNode) {
            return entries().get(key);
        }
        if (segment instanceof Integer i && node instanceof SequenceNode list && i >= 0 && i < list.getValue().size()) {
            return items().get(i);
        }
        return null;
    }

    /** This node and every node below it, parents before children. */
    List<Cursor> subtree() {
        List<Cursor> out = new ArrayList<>();
        out.add(this);
        if (node instanceof MappingNode) {
            entries().values().forEach(child -> out.addAll(child.subtree()));
        } else if (node instanceof SequenceNode) {
            items().forEach(child -> out.addAll(child.subtree()));
        }
        return out;
    }

    private String requiredNumberText(String what) {
        String text = text();
        if (text == null || text.isBlank()) {
            throw error("expected " + what + ", got nothing");
        }
        return text.strip();
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String describe() {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when isNull() -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Where the nodes came from: the file label for messages and the environment for interpolation. */
    record Source(String file, Interpolator interpolator) {
    }
}
