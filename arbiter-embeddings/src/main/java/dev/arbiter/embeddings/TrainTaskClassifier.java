package dev.arbiter.embeddings;

import dev.arbiter.core.routing.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Build-time tool that trains the shipped task classifier (reproducible: fixed sample, fixed order, deterministic
 * trainer). Run from the repository root with arbiter-embeddings/embeddings.sh train; see docs/embeddings.md.
 */
public final class TrainTaskClassifier {
    static final int PER_TASK = 400;
    static final String SEEDS = "arbiter-embeddings/training/seed-prompts.tsv";
    static final String CACHE = "arbiter-embeddings/target/embedding-cache.bin";
    static final String OUT = "arbiter-embeddings/src/main/resources/" + TaskClassifier.SHIPPED_RESOURCE;

    private TrainTaskClassifier() {
    }

    public static void main(String[] args) throws IOException {
        ToolArgs a = new ToolArgs(args, Set.of("data", "seeds", "per-task", "cache", "out", "head", "tail"));
        TaskClassifier.Slice slice = new TaskClassifier.Slice(a.getInt("head", MiniLmEncoder.HEAD_CHARS),
                a.getInt("tail", MiniLmEncoder.TAIL_CHARS));
        int perTask = a.getInt("per-task", PER_TASK);
        List<LabelledPrompt> prompts = new ArrayList<>(LabelledPrompt.outcomeFiles(a.dataDir(), perTask));
        prompts.addAll(LabelledPrompt.tsv(Path.of(a.get("seeds", SEEDS)), "seed"));
        CachingEncoder encoder = new CachingEncoder(MiniLmEncoder.load(slice.head(), slice.tail()),
                Path.of(a.get("cache", CACHE)));
        List<SoftmaxTrainer.Example> examples = embed(prompts, encoder);
        encoder.save();
        String provenance = String.format(Locale.ROOT, "%d prompts: up to %d per labelled task of %s (task labels as"
                + " in arbiter-core's LabelledPrompts) plus %s; SoftmaxTrainer.defaults()", prompts.size(), perTask,
                LabelledPrompt.FILES, Path.of(a.get("seeds", SEEDS)).getFileName());
        TaskClassifier classifier = SoftmaxTrainer.defaults().train(examples, slice, provenance);
        Path out = Path.of(a.get("out", OUT));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, classifier.toJson());
        TreeMap<TaskType, Integer> perClass = new TreeMap<>();
        prompts.forEach(p -> perClass.merge(p.label(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "wrote %s: classes %s, %d-d; examples per class %s; %d embedded now, the rest"
                + " from the cache%n", out, classifier.classes(), classifier.dimension(), perClass, encoder.misses());
    }

    static List<SoftmaxTrainer.Example> embed(List<LabelledPrompt> prompts, SentenceEncoder encoder) {
        List<SoftmaxTrainer.Example> out = new ArrayList<>(prompts.size());
        for (LabelledPrompt p : prompts) {
            out.add(new SoftmaxTrainer.Example(encoder.embed(p.prompt()), p.label(), p.group()));
        }
        return out;
    }
}
