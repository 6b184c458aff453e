package dev.arbiter.core.provider.sandbox;

import static dev.arbiter.core.provider.sandbox.SandboxFixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxPacingTest {
    private final RecordingPacer pacer = new RecordingPacer();

    @Test
    void aCompletedAnswerTakesTheTimeToFirstTokenPlusItsTokensAtTheModelRate() {
        SandboxModel model = new SandboxModel("m", SandboxFixtures.GPT, Duration.ofMillis(300), 100);
        SandboxProvider sandbox = new SandboxProvider("sandbox", Map.of("m", model), pacer);

        long tokens = sandbox.complete(ask("m", "Hello")).usage().outputTokens();

        assertThat(pacer.total()).isCloseTo(Duration.ofMillis(300 + tokens * 10), Duration.ofMillis(1));
    }

    @Test
    void aStreamWaitsTheTimeToFirstTokenBeforeItsFirstText() {
        SandboxModel model = new SandboxModel("m", SandboxFixtures.GPT, Duration.ofMillis(300), 100);
        EventStream stream = new SandboxProvider("sandbox", Map.of("m", model), pacer).stream(ask("m", "Hello"));

        assertThat(stream.next()).isInstanceOf(StreamEvent.Start.class);
        assertThat(pacer.total()).isZero();
        assertThat(stream.next()).isInstanceOf(StreamEvent.TextDelta.class);
        assertThat(pacer.total()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aLongSlowAnswerIsSqueezedUnderTheCapStreamedOrNot() {
        SandboxModel slow = new SandboxModel("slow", SandboxFixtures.OPUS, Duration.ofMillis(900), 5);
        SandboxProvider sandbox = new SandboxProvider("sandbox", Map.of("slow", slow), pacer);
        ObjectNode schema = (ObjectNode) Json.parse(SchemaCatalogue.SCHEMAS.get("nested objects and arrays"));
        ChatRequest request = ask("slow", "Order please").toBuilder()
                .responseFormat(ResponseFormat.jsonSchema("order", schema, null)).build();

        sandbox.complete(request);
        Duration completed = pacer.total();
        pacer.clear();
        SandboxStreamTest.drain(sandbox.stream(request));

        assertThat(completed).isLessThanOrEqualTo(PacingPlan.CAP).isGreaterThan(Duration.ofMillis(1900));
        assertThat(pacer.total()).isLessThanOrEqualTo(PacingPlan.CAP).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void streamPausesComeInShortSlicesSoCloseTakesEffectQuickly() {
        SandboxModel slow = new SandboxModel("slow", SandboxFixtures.GPT, Duration.ofMillis(600), 50);
        SandboxProvider sandbox = new SandboxProvider("sandbox", Map.of("slow", slow), pacer);

        SandboxStreamTest.drain(sandbox.stream(ask("slow", "Hello")));

        assertThat(pacer.pauses()).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofMillis(50)));
    }

    @Test
    void pricierModelsAreSlowerThanCheapOnes() {
        SandboxModel cheap = SandboxModel.simulating("mini", SandboxFixtures.MINI);
        SandboxModel pricey = SandboxModel.simulating("opus", SandboxFixtures.OPUS);

        assertThat(cheap.timeToFirstToken()).isLessThan(pricey.timeToFirstToken())
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(pricey.timeToFirstToken()).isLessThanOrEqualTo(Duration.ofMillis(600));
        assertThat(cheap.tokensPerSecond()).isGreaterThan(pricey.tokensPerSecond()).isLessThanOrEqualTo(200);
        assertThat(pricey.tokensPerSecond()).isGreaterThanOrEqualTo(50);
    }
}
