package dev.arbiter.core.routing.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the prompts of the shared outcome files (../shared/data/routing) with their dataset task and, where the task
 * names a kind of work, the {@link TaskType} the classifier should find.
 *
 * <p>Label choices: mbpp, humaneval and javascript are CODING; MATH and gsm8k-train are MATH; arc and arc-challenge
 * are SCIENCE; winogrande (pronoun/commonsense resolution) is CHAT, the everyday-reasoning class. ceval and cmmlu are
 * Chinese exams over every subject, from law and history to medicine and physics, with no subject in the rows, so they
 * carry no task label: they are reported apart as "exam (zh)" where the check is that the language comes out "zh".
 * llmrouter's clusters are unlabelled and only shown as a predicted distribution.
 */
final class LabelledPrompts {
    /** One prompt: its file's stem, its dataset task, and the expected type (null when unlabelled). */
    record Row(String source, String task, String prompt, TaskType expected) {
        String dataset() {
            return source + "/" + task;
        }
    }

    static final List<String> FILES = List.of("routerbench-train.jsonl", "open7b.jsonl", "llmrouter.jsonl");
    static final List<String> CHINESE_EXAMS = List.of("ceval", "cmmlu");

    private static final Map<String, TaskType> LABELS = Map.of(
            "mbpp", TaskType.CODING, "humaneval", TaskType.CODING, "javascript", TaskType.CODING,
            "MATH", TaskType.MATH, "gsm8k-train", TaskType.MATH,
            "arc", TaskType.SCIENCE, "arc-challenge", TaskType.SCIENCE,
            "winogrande", TaskType.CHAT);

    private LabelledPrompts() {
    }

    /**
     * The shared data directory: the {@code arbiter.routing.data} system property, or the first
     * {@code shared/data/routing} found walking up from the working directory; null when there is none.
     */
    static Path dataDir() {
        String configured = System.getProperty("arbiter.routing.data");
        if (configured != null) {
            return Files.isDirectory(Path.of(configured)) ? Path.of(configured) : null;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/routing");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static List<Row> load(Path dir) {
        List<Row> rows = new ArrayList<>();
        for (String file : FILES) {
            Path path = dir.resolve(file);
            if (!Files.exists(path)) {
                continue;
            }
            String source = file.substring(0, file.indexOf('.'));
            try (var lines = Files.lines(path)) {
                lines.filter(l -> !l.isBlank()).forEach(l -> rows.add(row(source, l)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    private static Row row(String source, String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            String task = node.path("task").asText();
            return new Row(source, task, node.path("prompt").asText(), LABELS.get(task));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
