package dev.arbiter.cli;

import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.CvText;
import dev.arbiter.core.routing.quality.QualityInputException;
import dev.arbiter.core.routing.quality.RoutingCv;
import dev.arbiter.core.routing.quality.TaskHoldout;
import dev.arbiter.core.routing.quality.TrainerOptions;
import dev.arbiter.core.routing.replay.FrontierPlot;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter router cv}: whole-task cross-validation of the routing quality model, replayed. Each task of the
 * evaluated file is held out in turn (the base is fitted on every row of every other task of all data files), its
 * rows are predicted from their prompts, and cheapest-meeting-bar and the two-model APGR are replayed on them.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Hold out each task of the evaluated file, fit on everything else, predict it, and replay"
                + " cheapest-meeting-bar and APGR on the held-out predictions (Markdown on stdout).")
final class RouterCvCommand extends RouterSubcommand {
    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Outcome JSONL files to train on.")
    List<Path> data;

    @Option(names = "--evaluate", required = true, paramLabel = "FILE",
            description = "The outcome file whose tasks are held out and replayed (also one of --data).")
    Path evaluate;

    @Option(names = "--two-models", split = ",", paramLabel = "STRONG,WEAK", description = "Pair for APGR.")
    List<String> twoModels;

    @Option(names = "--quality-target", defaultValue = "0.95", description = "Share of always-best's quality to keep.")
    double qualityTarget;

    @Option(names = "--cost-target", defaultValue = "0.5", description = "Share of always-best's cost allowed.")
    double costTarget;

    @Option(names = "--apgr-target", defaultValue = "0.65", description = "APGR to reach on the pair.")
    double apgrTarget;

    @Option(names = "--hold-out-all", description = "Hold out every task of every data file for the calibration"
            + " table (slower); replay still uses the evaluated file's tasks.")
    boolean holdOutAll;

    @Option(names = "--predictions-out", paramLabel = "PRED.jsonl", description = "Also write the held-out predictions.")
    Path predictionsOut;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also write the frontier at the chosen bar as SVG.")
    Path plot;

    @Override
    void execute() throws IOException {
        if (twoModels != null && twoModels.size() != 2) {
            throw new QualityInputException("--two-models takes two model names STRONG,WEAK");
        }
        List<OutcomeRow> evaluated = OutcomeFile.read(evaluate);
        List<OutcomeRow> all = OutcomeFile.readTraining(data);
        Set<String> ids = evaluated.stream().map(OutcomeRow::id).collect(Collectors.toSet());
        if (all.stream().noneMatch(r -> ids.contains(r.id()))) {
            throw new QualityInputException("--evaluate " + evaluate.getFileName() + " must also be one of --data");
        }
        TaskHoldout.Result result = new TaskHoldout(new HeuristicFeatureExtractor(), TrainerOptions.defaults())
                .run(all, r -> holdOutAll || ids.contains(r.id()));
        RoutingCv.Figures figures = RoutingCv.figures(evaluate.getFileName().toString(), evaluated,
                result.predictions(), twoModels, qualityTarget, costTarget);
        System.out.print(CvText.render(result.folds(), figures, apgrTarget));
        if (predictionsOut != null) {
            Files.write(predictionsOut, PredictionLines.of(result.predictions()));
        }
        if (plot != null) {
            Files.writeString(plot, FrontierPlot.svg(figures.report()));
        }
    }
}
