package dev.arbiter.embeddings;

import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build-time tool measuring whether embeddings pay for task typing: task-type accuracy per class with and without
 * them, (1) leaving out each whole labelled task of the shared data in turn (its classifier never saw that task) and
 * (2) on the held-out everyday prompts. Writes markdown; run with arbiter-embeddings/embeddings.sh report.
 */
public final class EmbeddingReport {
    static final String HELD_OUT = "arbiter-embeddings/training/everyday-heldout.tsv";
    static final String FRESH = "arbiter-embeddings/training/fresh-heldout.tsv";
    static final String OUT = "arbiter-embeddings/target/embedding-report.md";

    private final HeuristicFeatureExtractor heuristic = new HeuristicFeatureExtractor();
    private final SentenceEncoder encoder;
    private final double[] weights;

    private EmbeddingReport(SentenceEncoder encoder, double[] weights) {
        this.encoder = encoder;
        this.weights = weights;
    }

    public static void main(String[] args) throws IOException {
        ToolArgs a = new ToolArgs(args, Set.of("data", "seeds", "heldout", "per-task", "cache", "out", "head", "tail",
                "weights", "fresh"));
        TaskClassifier.Slice slice = new TaskClassifier.Slice(a.getInt("head", MiniLmEncoder.HEAD_CHARS),
                a.getInt("tail", MiniLmEncoder.TAIL_CHARS));
        List<LabelledPrompt> data = LabelledPrompt.outcomeFiles(a.dataDir(), a.getInt("per-task",
                TrainTaskClassifier.PER_TASK));
        List<LabelledPrompt> seeds = LabelledPrompt.tsv(Path.of(a.get("seeds", TrainTaskClassifier.SEEDS)), "seed");
        List<LabelledPrompt> everyday = LabelledPrompt.tsv(Path.of(a.get("heldout", HELD_OUT)), "everyday");
        List<LabelledPrompt> fresh = LabelledPrompt.tsv(Path.of(a.get("fresh", FRESH)), "fresh");
        CachingEncoder encoder = new CachingEncoder(MiniLmEncoder.load(slice.head(), slice.tail()),
                Path.of(a.get("cache", TrainTaskClassifier.CACHE)));
        double[] weights = java.util.Arrays.stream(a.get("weights", "0.3,0.5,0.7").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        EmbeddingReport report = new EmbeddingReport(encoder, weights);
        String md = report.render(slice, data, seeds, everyday, fresh);
        encoder.save();
        Path out = Path.of(a.get("out", OUT));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private String render(TaskClassifier.Slice slice, List<LabelledPrompt> data, List<LabelledPrompt> seeds,
                          List<LabelledPrompt> everyday, List<LabelledPrompt> fresh) {
        List<LabelledPrompt> all = new ArrayList<>(data);
        all.addAll(seeds);
        List<SoftmaxTrainer.Example> examples = TrainTaskClassifier.embed(all, encoder);
        Map<String, Tally> heldOutTasks = tallies();
        for (String group : data.stream().map(LabelledPrompt::group).distinct().toList()) {
            List<SoftmaxTrainer.Example> train = examples.stream().filter(e -> !e.group().equals(group)).toList();
            TaskClassifier fold = SoftmaxTrainer.defaults().train(train, slice, "fold without " + group);
            score(fold, data.stream().filter(p -> p.group().equals(group)).toList(), heldOutTasks);
        }
        TaskClassifier full = SoftmaxTrainer.defaults().train(examples, slice, "all");
        Map<String, Tally> everydayTallies = tallies();
        score(full, everyday, everydayTallies);
        Map<String, Tally> freshTallies = tallies();
        score(full, fresh, freshTallies);
        StringBuilder sb = new StringBuilder("# Task typing with and without sentence embeddings\n\n");
        sb.append(String.format(Locale.ROOT, "Encoder %s; %d labelled data rows in %d tasks, %d seed prompts, %d"
                + " held-out everyday prompts, %d fresh held-out prompts. \"heuristic\" = HeuristicFeatureExtractor alone; \"emb w\" = the"
                + " embedding extractor with blend weight w; \"classifier\" = the embedding classifier's own top class."
                + "%n%n", encoder.id(), data.size(), data.stream().map(LabelledPrompt::group).distinct().count(),
                seeds.size(), everyday.size(), fresh.size()));
        sb.append("## Leave-one-task-out (each task scored by a classifier trained without it)\n\n");
        sb.append(table(heldOutTasks));
        sb.append("\n## Held-out everyday prompts (classifier trained on all data and seeds)\n\n");
        sb.append(table(everydayTallies));
        sb.append("\n## Fresh held-out prompts (written after the heuristic was tuned; classifier trained on all)\n\n");
        sb.append(table(freshTallies));
        return sb.toString();
    }

    private Map<String, Tally> tallies() {
        Map<String, Tally> t = new LinkedHashMap<>();
        t.put("heuristic", new Tally());
        for (double w : weights) {
            t.put(String.format(Locale.ROOT, "emb %.1f", w), new Tally());
        }
        t.put("classifier", new Tally());
        return t;
    }

    private void score(TaskClassifier classifier, List<LabelledPrompt> prompts, Map<String, Tally> tallies) {
        List<EmbeddingFeatureExtractor> extractors = new ArrayList<>();
        for (double w : weights) {
            extractors.add(new EmbeddingFeatureExtractor(heuristic, encoder, classifier, w));
        }
        for (LabelledPrompt p : prompts) {
            RequestFeatures f = heuristic.extract(p.prompt());
            tallies.get("heuristic").add(p.label(), f.taskType());
            for (int i = 0; i < weights.length; i++) {
                tallies.get(String.format(Locale.ROOT, "emb %.1f", weights[i]))
                        .add(p.label(), extractors.get(i).sharpen(f, p.prompt()).taskType());
            }
            double[] probs = classifier.probabilities(encoder.embed(p.prompt()));
            int best = 0;
            for (int k = 1; k < probs.length; k++) {
                best = probs[k] > probs[best] ? k : best;
            }
            tallies.get("classifier").add(p.label(), classifier.classes().get(best));
        }
    }

    private static String table(Map<String, Tally> tallies) {
        StringBuilder sb = new StringBuilder("| class | rows |");
        tallies.keySet().forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append("\n|---|---:|").append("---:|".repeat(tallies.size())).append('\n');
        Tally first = tallies.values().iterator().next();
        for (TaskType t : TaskType.values()) {
            if (first.support(t) == 0) {
                continue;
            }
            sb.append("| ").append(t.configName()).append(" | ").append(first.support(t)).append(" |");
            tallies.values().forEach(x -> sb.append(String.format(Locale.ROOT, " %.3f |", x.recall(t))));
            sb.append('\n');
        }
        sb.append("| **accuracy** | ").append(first.total()).append(" |");
        tallies.values().forEach(x -> sb.append(String.format(Locale.ROOT, " **%.3f** |", x.accuracy())));
        sb.append("\n| balanced (mean recall) | |");
        tallies.values().forEach(x -> sb.append(String.format(Locale.ROOT, " %.3f |", x.balancedAccuracy())));
        return sb.append('\n').toString();
    }
}
