package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one outcome-file reader: replay, training and prompt-only strictness, bad input as one line. */
class OutcomeFileTest {
    private static final String ROW = """
            {"id":"r1","task":"t","prompt":"hi","outcomes":{"b":{"score":1.0,"cost_usd":0.002},"a":{"score":0.0}}}""";

    @Test
    void readsRowsWithOutcomesInModelOrder() {
        List<OutcomeRow> rows = OutcomeFile.parse("d.jsonl", List.of(ROW, ""));

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().outcomes().keySet()).containsExactly("a", "b");
        assertThat(rows.getFirst().outcomes().get("b").costUsd()).isEqualTo(0.002);
        assertThat(rows.getFirst().outcomes().get("a").costUsd()).isNull();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> OutcomeFile.parse("d.jsonl", List.of("", "  ")))
                .isInstanceOf(ReplayException.class)
                .hasMessage("empty data file: d.jsonl has no rows");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        assertThatThrownBy(() -> OutcomeFile.parse("d.jsonl", List.of(ROW, "", "{\"id\": \"x\", ")))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("malformed line 3 of d.jsonl: ");
    }

    @Test
    void aScoreOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> OutcomeFile.parse("d.jsonl",
                List.of("{\"id\":\"r\",\"outcomes\":{\"a\":{\"score\":2}}}")))
                .hasMessage("malformed line 1 of d.jsonl: score of a must be in [0, 1], got 2.0");
    }

    @Test
    void rowsWithDifferentModelsAreRefused() {
        assertThatThrownBy(() -> OutcomeFile.parse("d.jsonl",
                List.of(ROW, "{\"id\":\"r2\",\"outcomes\":{\"a\":{\"score\":1}}}")))
                .hasMessageContaining("malformed line 2 of d.jsonl: models [a] differ from the first row's [a, b]");
    }

    @Test
    void narrowsAFileToTwoModels() {
        String three = "{\"id\":\"r\",\"outcomes\":{\"a\":{\"score\":1},\"b\":{\"score\":0},\"c\":{\"score\":1}}}";
        List<OutcomeRow> pair = OutcomeFile.restrict(OutcomeFile.parse("d", List.of(three)), "c", "a");

        assertThat(pair.getFirst().outcomes().keySet()).containsExactly("a", "c");
        assertThatThrownBy(() -> OutcomeFile.restrict(OutcomeFile.parse("d", List.of(three)), "a", "z"))
                .hasMessage("--two-models: no model 'z' in the data (models: a, b, c)");
    }

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("data.jsonl"), content);
    }

    @Test
    void trainingRowsMayNameDifferentModelsOrNoneAndKeepTheirSource() throws Exception {
        List<OutcomeRow> rows = OutcomeFile.readTraining(file("""
                {"id":"a","source":"s","task":"t","prompt":"hi","outcomes":{"m1":{"score":1.0,"cost_usd":0.1},"m2":{"score":0.25}}}

                {"id":7,"prompt":"bare"}
                {"id":"c","prompt":"other","outcomes":{"m3":{"score":0}}}
                """));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).source()).isEqualTo("s");
        assertThat(rows.get(0).scores()).containsExactly(entry("m1", 1.0), entry("m2", 0.25));
        assertThat(rows.get(1).id()).isEqualTo("7");
        assertThat(rows.get(1).scores()).isEmpty();
        assertThat(rows.get(2).scores()).containsOnlyKeys("m3");
    }

    @Test
    void aTrainingRowWithoutPromptIsRefused() throws Exception {
        Path f = file("{\"id\":\"a\"}\n");
        assertThatThrownBy(() -> OutcomeFile.readTraining(f))
                .hasMessage("malformed line 1 of data.jsonl: 'prompt' must be a string");
    }

    @Test
    void promptRowsIgnoreOutcomesEvenBadOnes() throws Exception {
        Path f = file("{\"id\":\"a\",\"prompt\":\"x\",\"outcomes\":{\"m\":{\"score\":3}}}\n");
        assertThatThrownBy(() -> OutcomeFile.readTraining(f)).hasMessageContaining("score of m must be in [0, 1]");
        assertThat(OutcomeFile.readPrompts(f)).singleElement().satisfies(r -> assertThat(r.outcomes()).isEmpty());
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("absent.jsonl");
        assertThatThrownBy(() -> OutcomeFile.readTraining(f)).isInstanceOf(ReplayException.class)
                .hasMessage("no such file: " + f);
    }
}
