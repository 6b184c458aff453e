package dev.arbiter.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads YAML text into a node tree (never into Java objects, so every node keeps its line and column). */
final class YamlDocument {
    private YamlDocument() {
    }

    /** The root of a config file, or a ConfigException for an unreadable file or broken YAML. */
    static Cursor read(Path file, Interpolator interpolator) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.unreadable(file, describe(e));
        }
        return parse(file.toString(), text, interpolator);
    }

    /** The root of YAML text labelled {@code file} in messages; an empty document reads as YAML null. */
    static Cursor parse(String file, String text, Interpolator interpolator) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = "invalid YAML: " + (e.getProblem() == null ? e.getMessage() : e.getProblem());
            throw mark == null
                    ? new ConfigException(file, 0, 0, "", problem)
                    : new ConfigException(file, mark.getLine() + 1, mark.getColumn() + 1, "", problem);
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, 0, "", "invalid YAML: " + e.getMessage());
        }
        Node node = root.orElseGet(() -> new ScalarNode(Tag.NULL, "", ScalarStyle.PLAIN));
        return new Cursor(new Cursor.Source(file, interpolator), node, "");
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            case CharacterCodingException c -> "not valid UTF-8 text";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
