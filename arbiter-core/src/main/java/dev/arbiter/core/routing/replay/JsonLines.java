package dev.arbiter.core.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines file into objects, each with its 1-based line number; blank lines are skipped. */
final class JsonLines {
    record Line(int number, JsonNode node) {
    }

    private JsonLines() {
    }

    static List<Line> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReplayException("no such file: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new ReplayException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.getFileName().toString(), lines);
    }

    static List<Line> parse(String name, List<String> lines) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.parse(text);
            } catch (RuntimeException e) {
                throw malformed(name, i + 1, Json.syntaxProblem(e));
            }
            if (!node.isObject()) {
                throw malformed(name, i + 1, "expected a JSON object");
            }
            out.add(new Line(i + 1, node));
        }
        return out;
    }

    static ReplayException malformed(String name, int line, String why) {
        return new ReplayException("malformed line " + line + " of " + name + ": " + why);
    }

    /** A number field in [lo, hi], or a ReplayException naming the line and field. */
    static double number(JsonNode node, String field, String name, int line) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw malformed(name, line, "'" + field + "' must be a number");
        }
        return v.asDouble();
    }
}
