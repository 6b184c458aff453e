package dev.arbiter.cli;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.QualityInputException;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter router predict}: writes every row's success probability for every model of a profile. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Write {\"id\", \"p\": {model: probability}} per row for every model in the profile"
                + " (outcomes in the data are ignored).")
final class RouterPredictCommand extends RouterSubcommand {
    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "Quality profile JSON.")
    Path profile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL rows with id and prompt.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the predictions.")
    Path out;

    @Override
    void execute() {
        QualityProfile model = QualityProfile.load(profile);
        List<OutcomeRow> rows = OutcomeFile.readPrompts(data);
        FeatureExtractor extractor = new HeuristicFeatureExtractor();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (OutcomeRow row : rows) {
                writer.write(PredictionLines.line(row.id(), model.pSuccessAll(extractor.extract(row.prompt()))));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new QualityInputException("cannot write " + out + ": " + e.getMessage());
        }
        System.out.printf("wrote %s: %d rows x %d models%n", out, rows.size(), model.models().size());
    }
}
