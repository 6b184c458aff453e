package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    private final Predictions predictions = Predictions.parse("p.jsonl",
            List.of("{\"id\":\"r1\",\"p\":{\"a\":0.25,\"b\":0.75}}"));

    @Test
    void looksUpAProbabilityByRowAndModel() {
        assertThat(predictions.p("r1", "b")).isEqualTo(0.75);
    }

    @Test
    void aMissingRowIsNamed() {
        assertThatThrownBy(() -> predictions.p("r2", "a"))
                .isInstanceOf(ReplayException.class)
                .hasMessage("missing predictions: p.jsonl has no row for id r2");
    }

    @Test
    void aMissingModelIsNamed() {
        assertThatThrownBy(() -> predictions.p("r1", "c"))
                .hasMessage("missing predictions: p.jsonl has no p for model c in id r1");
    }

    @Test
    void aProbabilityOutsideZeroToOneIsAMalformedLine() {
        assertThatThrownBy(() -> Predictions.parse("p.jsonl", List.of("{\"id\":\"r\",\"p\":{\"a\":1.5}}")))
                .hasMessage("malformed line 1 of p.jsonl: p of a must be a number in [0, 1]");
    }
}
