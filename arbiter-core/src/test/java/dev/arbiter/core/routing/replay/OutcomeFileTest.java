package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
