package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcome files are read row by row, and every kind of bad input is one line naming the file and line. */
class OutcomeFileTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("data.jsonl");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsScoresFromOutcomeObjectsAndSkipsBlankLines() throws Exception {
        var rows = OutcomeFile.read(file("""
                {"id":"a","source":"s","task":"t","prompt":"hi","outcomes":{"m1":{"score":1.0,"cost_usd":0.1},"m2":{"score":0.25}}}

                {"id":7,"prompt":"bare"}
                """));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).scores()).containsEntry("m1", 1.0).containsEntry("m2", 0.25);
        assertThat(rows.get(1).id()).isEqualTo("7");
        assertThat(rows.get(1).scores()).isEmpty();
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() throws Exception {
        Path f = file("{\"id\":\"a\",\"prompt\":\"x\"}\n{\"id\": oops}\n");
        assertThatThrownBy(() -> OutcomeFile.read(f)).isInstanceOf(QualityInputException.class)
                .hasMessageStartingWith("malformed JSON in data.jsonl line 2").hasMessageNotContaining("\n");
    }

    @Test
    void aRowWithoutPromptIsRefused() throws Exception {
        Path f = file("{\"id\":\"a\"}\n");
        assertThatThrownBy(() -> OutcomeFile.read(f)).hasMessageContaining("line 1").hasMessageContaining("prompt");
    }

    @Test
    void aScoreOutsideZeroOneIsRefusedButPredictDoesNotLookAtIt() throws Exception {
        Path f = file("{\"id\":\"a\",\"prompt\":\"x\",\"outcomes\":{\"m\":{\"score\":3}}}\n");
        assertThatThrownBy(() -> OutcomeFile.read(f)).hasMessageContaining("must be a number in [0, 1]");
        assertThat(OutcomeFile.readPrompts(f)).hasSize(1);
    }

    @Test
    void anEmptyFileIsAnError() throws Exception {
        Path f = file("\n\n");
        assertThatThrownBy(() -> OutcomeFile.read(f)).hasMessage("empty data file: " + f);
    }

    @Test
    void aMissingFileIsAnError() {
        Path f = dir.resolve("absent.jsonl");
        assertThatThrownBy(() -> OutcomeFile.read(f)).hasMessage("no such file: " + f);
    }
}
