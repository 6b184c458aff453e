package dev.arbiter.cli;

import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.AbilityPrior;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.quality.QualityTrainer;
import dev.arbiter.core.routing.quality.TrainerOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter router fit}: fits the abilities of the models in outcome files on top of a base profile. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the abilities of every model in the outcome files (new names included), keeping the base"
                + " profile's difficulty weights.")
final class RouterFitCommand extends RouterSubcommand {
    @Option(names = "--data", arity = "1..*", required = true, paramLabel = "FILE", description = "Outcome JSONL files.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the fitted profile.")
    Path out;

    @Option(names = "--base", paramLabel = "PROFILE", description = "Base profile (default: the shipped one).")
    Path base;

    @Option(names = "--tune-difficulty", description = "Also fine-tune the difficulty weights, held near the base.")
    boolean tuneDifficulty;

    @Override
    void execute() {
        QualityProfile start = base == null ? QualityProfile.shipped() : QualityProfile.load(base);
        TrainerOptions options = start.metadata().options().withTuneDifficulty(tuneDifficulty);
        QualityProfile profile = new QualityTrainer(new HeuristicFeatureExtractor(), options, AbilityPrior.population())
                .fit(start, data);
        profile.save(out);
        System.out.printf("wrote %s: %d models, abilities fitted on %d rows%n", out, profile.models().size(),
                profile.metadata().rows());
    }
}
