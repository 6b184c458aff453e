package dev.arbiter.cli;

import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.EvaluationReport;
import dev.arbiter.core.routing.quality.QualityEvaluation;
import dev.arbiter.core.routing.quality.TrainerOptions;
import dev.arbiter.core.routing.replay.OutcomeFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter router evaluate}: the quality model's cross-validation report (whole tasks, sources, models held out). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Cross-validate the quality model holding out whole tasks, whole sources and single models;"
                + " prints a Markdown table of log-loss, Brier and AUC against the per-model-mean baseline.")
final class RouterEvaluateCommand extends RouterSubcommand {
    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Outcome JSONL files.")
    List<Path> data;

    @Option(names = "--scenarios", split = ",", defaultValue = "task,source,model",
            description = "Which hold-outs to run (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--sample", defaultValue = "300", description = "Rows a new model or source is fitted on.")
    int sample;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the row sampling.")
    long seed;

    @Override
    void execute() {
        var evaluation = new QualityEvaluation(new HeuristicFeatureExtractor(), TrainerOptions.defaults(), sample, seed);
        System.out.print(EvaluationReport.format(evaluation.run(OutcomeFile.readTraining(data), scenarios)));
    }
}
