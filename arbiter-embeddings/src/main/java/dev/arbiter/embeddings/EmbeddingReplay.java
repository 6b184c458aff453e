package dev.arbiter.embeddings;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.quality.QualityTrainer;
import dev.arbiter.core.routing.quality.ScoreMetrics;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import dev.arbiter.core.routing.replay.Replay;
import dev.arbiter.core.routing.replay.ReplayReport;
import dev.arbiter.core.routing.replay.RouterSummary;
import dev.arbiter.core.routing.replay.WinScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Build-time tool: does the embedding-sharpened task mix make routing better? For each RouterBench task in turn it
 * trains a base quality profile on every other row of the shared data — once with the heuristic extractor, once with
 * the embedding extractor whose classifier also never saw that task — and replays cheapest-meeting-bar on the
 * held-out task: log loss and AUC of pSuccess, quality and cost at the bar, AIQ, and APGR on GPT-4 vs Mixtral.
 * Run with arbiter-embeddings/embeddings.sh replay.
 */
public final class EmbeddingReplay {
    static final String OUT = "arbiter-embeddings/target/embedding-replay.md";
    static final String STRONG = "gpt-4-1106-preview";
    static final String WEAK = "mistralai/mixtral-8x7b-chat";

    private EmbeddingReplay() {
    }

    public static void main(String[] args) throws IOException {
        ToolArgs a = new ToolArgs(args, Set.of("data", "seeds", "per-task", "cache", "out", "bar"));
        Path dir = a.dataDir();
        double bar = Double.parseDouble(a.get("bar", "0.8"));
        List<OutcomeRow> all = OutcomeFile.readTraining(LabelledPrompt.FILES.stream().map(dir::resolve).toList());
        List<OutcomeRow> bench = OutcomeFile.read(dir.resolve("routerbench-train.jsonl"));
        List<LabelledPrompt> labelled = new ArrayList<>(LabelledPrompt.outcomeFiles(dir,
                a.getInt("per-task", TrainTaskClassifier.PER_TASK)));
        labelled.addAll(LabelledPrompt.tsv(Path.of(a.get("seeds", TrainTaskClassifier.SEEDS)), "seed"));
        TaskClassifier.Slice slice = new TaskClassifier.Slice(MiniLmEncoder.HEAD_CHARS, MiniLmEncoder.TAIL_CHARS);
        CachingEncoder encoder = new CachingEncoder(MiniLmEncoder.load(slice.head(), slice.tail()),
                Path.of(a.get("cache", TrainTaskClassifier.CACHE)));
        List<SoftmaxTrainer.Example> examples = TrainTaskClassifier.embed(labelled, encoder);
        FeatureExtractor heuristic = new Memo(new HeuristicFeatureExtractor());
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Replay on held-out RouterBench tasks, with"
                + " and without embeddings%n%ncheapest-meeting-bar at bar %.2f; each task's profile and classifier"
                + " were trained without it. APGR: GPT-4 vs Mixtral, win score = strong model's pSuccess.%n%n"
                + "| held-out task | extractor | log loss | AUC | quality | cost | best quality | best cost | AIQ |"
                + " APGR |%n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|%n", bar));
        for (String task : bench.stream().map(OutcomeRow::task).distinct().sorted().toList()) {
            String group = "routerbench-train/" + task;
            List<OutcomeRow> train = all.stream().filter(r -> !(r.source().equals("routerbench-train")
                    && r.task().equals(task))).toList();
            List<OutcomeRow> test = bench.stream().filter(r -> r.task().equals(task)).toList();
            TaskClassifier fold = SoftmaxTrainer.defaults().train(
                    examples.stream().filter(e -> !e.group().equals(group)).toList(), slice, "without " + group);
            FeatureExtractor embedded = new Memo(new EmbeddingFeatureExtractor(heuristic, encoder, fold,
                    EmbeddingFeatureExtractor.DEFAULT_WEIGHT));
            md.append(row(task, "heuristic", heuristic, train, test, bar));
            md.append(row(task, "embeddings", embedded, train, test, bar));
            encoder.save();
            System.err.println("done " + task);
        }
        Path out = Path.of(a.get("out", OUT));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static String row(String task, String name, FeatureExtractor extractor, List<OutcomeRow> train,
                              List<OutcomeRow> test, double bar) {
        QualityProfile profile = new QualityTrainer(extractor).fitBase(train, List.of());
        ScoreMetrics metrics = new ScoreMetrics();
        for (OutcomeRow r : test) {
            QualityProfile.Prepared prepared = profile.prepare(extractor.extract(r.prompt()));
            r.outcomes().forEach((m, o) -> metrics.add(prepared.pSuccess(m), o.score()));
        }
        Replay replay = Replay.withQualityModel(profile, extractor, null);
        Replay.Plan plan = new Replay.Plan(Policies.byName(Policies.CHEAPEST_MEETING_BAR),
                new PolicySettings(bar, null), true, WinScore.STRONG_P);
        ReplayReport report = replay.run(task, test, plan);
        ReplayReport pair = replay.run(task, OutcomeFile.restrict(test, STRONG, WEAK), plan);
        RouterSummary best = report.baselines().getFirst();
        return String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.5f | %.4f | %.5f | %.4f | %.3f |%n",
                task, name, metrics.logLoss(), metrics.auc(), report.policy().quality(), report.policy().costMean(),
                best.quality(), best.costMean(), report.aiq() == null ? Double.NaN : report.aiq().router(),
                pair.twoModel() == null ? Double.NaN : pair.twoModel().result().apgr());
    }

    /** Extracts each prompt once (training reads every row several times). */
    private static final class Memo implements FeatureExtractor {
        private final FeatureExtractor delegate;
        private final Map<String, RequestFeatures> byPrompt = new ConcurrentHashMap<>();

        Memo(FeatureExtractor delegate) {
            this.delegate = delegate;
        }

        @Override
        public RequestFeatures extract(ChatRequest request) {
            return delegate.extract(request);
        }

        @Override
        public RequestFeatures extract(String prompt) {
            return byPrompt.computeIfAbsent(prompt, delegate::extract);
        }
    }
}
