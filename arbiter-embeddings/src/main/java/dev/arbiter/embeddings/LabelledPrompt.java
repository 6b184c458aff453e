package dev.arbiter.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompt with the task type it should get and its group (the source task it came from, e.g.
 * {@code open7b/humaneval}; held-out evaluation leaves whole groups out). Loads the shared outcome files with the
 * task → type labels of arbiter-core's features tests, and hand-written TSV prompt lists.
 */
public record LabelledPrompt(String group, TaskType label, String prompt) {
    /** Dataset task → type, as in arbiter-core's LabelledPrompts (ceval/cmmlu and llmrouter clusters are unlabelled). */
    static final Map<String, TaskType> TASK_LABELS = Map.of(
            "mbpp", TaskType.CODING, "humaneval", TaskType.CODING, "javascript", TaskType.CODING,
            "MATH", TaskType.MATH, "gsm8k-train", TaskType.MATH,
            "arc", TaskType.SCIENCE, "arc-challenge", TaskType.SCIENCE,
            "winogrande", TaskType.CHAT);
    static final List<String> FILES = List.of("routerbench-train.jsonl", "open7b.jsonl", "llmrouter.jsonl");

    /**
     * The labelled rows of the outcome files in {@code dir}, at most {@code perGroup} per group: the rows with the
     * smallest hash of their id, so the sample is fixed, spread over the file, and independent of row order.
     */
    static List<LabelledPrompt> outcomeFiles(Path dir, int perGroup) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (String file : FILES) {
            Path path = dir.resolve(file);
            if (!Files.exists(path)) {
                continue;
            }
            String source = file.substring(0, file.indexOf('.'));
            try (var lines = Files.lines(path)) {
                lines.filter(l -> !l.isBlank()).forEach(l -> {
                    Row r = row(l);
                    if (TASK_LABELS.containsKey(r.task)) {
                        groups.computeIfAbsent(source + "/" + r.task, g -> new ArrayList<>()).add(r);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<LabelledPrompt> out = new ArrayList<>();
        groups.forEach((group, rows) -> rows.stream()
                .sorted(Comparator.comparingLong((Row r) -> Fnv.hash(r.id)).thenComparing(r -> r.id))
                .limit(perGroup)
                .forEach(r -> out.add(new LabelledPrompt(group, TASK_LABELS.get(r.task), r.prompt))));
        return out;
    }

    /** A TSV list ({@code type<TAB>prompt}, {@code \n} for newlines, {@code #} comments); group = name/type. */
    static List<LabelledPrompt> tsv(Path file, String name) {
        try {
            List<LabelledPrompt> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                TaskType type = tab < 0 ? null : TaskType.fromConfigName(line.substring(0, tab));
                if (type == null) {
                    throw new IllegalArgumentException(file + ": expected <task type><TAB><prompt>: " + line);
                }
                out.add(new LabelledPrompt(name + "/" + type.configName(), type,
                        line.substring(tab + 1).replace("\\n", "\n")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared data directory: the first {@code shared/data/routing} found walking up from the working directory. */
    static Path findDataDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/routing");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Row(String id, String task, String prompt) {
    }

    private static Row row(String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            return new Row(n.path("id").asText(), n.path("task").asText(), n.path("prompt").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
