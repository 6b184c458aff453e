package dev.arbiter.cli;

import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.quality.QualityTrainer;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter router train-base}: fits the whole quality model (difficulty weights and abilities) from outcome files. */
@Command(name = "train-base", mixinStandardHelpOptions = true,
        description = "Fit a base quality profile (difficulty weights and every model's abilities) from outcome files.")
final class RouterTrainBaseCommand extends RouterSubcommand {
    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Outcome JSONL files.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the profile JSON.")
    Path out;

    @Override
    void execute() {
        QualityProfile profile = new QualityTrainer(new HeuristicFeatureExtractor()).fitBase(data);
        profile.save(out);
        System.out.printf("wrote %s: %d models from %d rows%n", out, profile.models().size(), profile.metadata().rows());
    }
}
