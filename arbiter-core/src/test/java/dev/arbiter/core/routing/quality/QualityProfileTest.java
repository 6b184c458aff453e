package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles survive a save/load round trip byte for byte, refuse unknown versions, and take catalog priors. */
class QualityProfileTest {
    private static final StubExtractor EXTRACTOR = new StubExtractor();
    private static final QualityProfile PROFILE = new QualityTrainer(EXTRACTOR)
            .fitBase(SyntheticOutcomes.rows(400, SyntheticOutcomes.threeModels(), 5, "syn"), List.of());

    @Test
    void aSavedProfileLoadsBackIdentically(@TempDir Path dir) {
        Path file = dir.resolve("p.json");
        PROFILE.save(file);
        QualityProfile loaded = QualityProfile.load(file);

        assertThat(loaded.toJson()).isEqualTo(PROFILE.toJson());
        var features = EXTRACTOR.extract("please answer hard code");
        assertThat(loaded.pSuccessAll(features)).isEqualTo(PROFILE.pSuccessAll(features));
    }

    @Test
    void probabilitiesStayStrictlyInsideZeroAndOne() {
        var features = EXTRACTOR.extract("brutal ".repeat(50));
        PROFILE.pSuccessAll(features).values().forEach(p -> assertThat(p).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void anUnknownVersionIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.json");
        String json = new String(PROFILE.toJson(), StandardCharsets.UTF_8)
                .replace("\"version\":" + QualityProfile.VERSION, "\"version\":99");
        Files.writeString(file, json);

        assertThatThrownBy(() -> QualityProfile.load(file)).isInstanceOf(QualityInputException.class)
                .hasMessageContaining("unsupported quality profile version 99").hasMessageNotContaining("\n");
    }

    @Test
    void aFileThatIsNotAProfileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> QualityProfile.load(file)).isInstanceOf(QualityInputException.class)
                .hasMessageContaining("not a quality profile");
    }

    @Test
    void aMissingProfileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> QualityProfile.load(dir.resolve("nope.json")))
                .isInstanceOf(QualityInputException.class).hasMessageContaining("no such profile");
    }

    @Test
    void catalogBenchmarksRaiseTheStartingBiasOfABetterModel() {
        ModelEntry good = model("v/good", 0.9);
        ModelEntry weak = model("v/weak", 0.3);
        AbilityPrior prior = AbilityPrior.fromCatalog(List.of(good, weak));
        ModelAbility population = PROFILE.populationPrior();

        assertThat(prior.prior("v/good", population).bias()).isGreaterThan(population.bias());
        assertThat(prior.prior("v/weak", population).bias()).isLessThan(population.bias());
        assertThat(prior.prior("v/unknown", population)).isEqualTo(population);
        QualityProfile withGood = PROFILE.withModel("v/good", prior.prior("v/good", population));
        assertThat(withGood.models()).contains("v/good");
    }

    private static ModelEntry model(String id, double score) {
        Price price = new Price(BigDecimal.ONE, BigDecimal.ONE, null, null);
        return new ModelEntry(id, List.of(), "p", id, price, 1000, null, null, "v", "us",
                Map.of("gpqa_diamond", new BenchmarkScore(score, "test", List.of())));
    }
}
