package dev.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter replay} end to end on small files, and its one-line refusals of bad input (exit code 2). */
class ReplayCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private Path predictions;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        data = Files.writeString(dir.resolve("outcomes.jsonl"), """
                {"id":"1","task":"t","prompt":"easy","outcomes":{"cheap":{"score":1,"cost_usd":0.001},"dear":{"score":1,"cost_usd":0.01}}}
                {"id":"2","task":"t","prompt":"hard","outcomes":{"cheap":{"score":0,"cost_usd":0.001},"dear":{"score":1,"cost_usd":0.01}}}
                """);
        predictions = Files.writeString(dir.resolve("pred.jsonl"), """
                {"id":"1","p":{"cheap":0.9,"dear":0.95}}
                {"id":"2","p":{"cheap":0.3,"dear":0.8}}
                """);
    }

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void printsThePolicyNextToTheBaselines() {
        int exit = run("replay", "--data", data.toString(), "--predictions", predictions.toString(), "--bar", "0.7");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("cheapest-meeting-bar", "always-best (dear)", "always-cheapest (cheap)",
                "random (expected)", "oracle", "model shares");
    }

    @Test
    void sweepsAndPrintsOneJsonObjectWithRouteLlmMetricsForTwoModels() {
        int exit = run("replay", "--data", data.toString(), "--predictions", predictions.toString(), "--sweep", "--json");

        assertThat(exit).isZero();
        JsonNode json = Json.parse(out.toString());
        assertThat(json.get("sweep")).hasSize(21);
        assertThat(json.get("routellm").has("apgr")).isTrue();
    }

    @Test
    void writesTheFrontierPlot() throws Exception {
        Path svg = dir.resolve("frontier.svg");
        int exit = run("replay", "--data", data.toString(), "--predictions", predictions.toString(), "--plot", svg.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(svg)).startsWith("<svg").contains("polyline");
    }

    @Test
    void anUnknownPolicyIsRefusedListingTheKnownOnes() {
        assertRefused("unknown policy 'cheapest' (known: cheapest-meeting-bar, best-within-budget, lowest-latency)",
                "replay", "--data", data.toString(), "--predictions", predictions.toString(), "--policy", "cheapest");
    }

    @Test
    void aBarOutsideZeroToOneIsRefused() {
        assertRefused("--bar must be in [0, 1], got 1.5",
                "replay", "--data", data.toString(), "--predictions", predictions.toString(), "--bar", "1.5");
    }

    @Test
    void anEmptyDataFileIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertRefused("empty data file: empty.jsonl has no rows",
                "replay", "--data", empty.toString(), "--predictions", predictions.toString());
    }

    @Test
    void missingPredictionsForARowAreRefusedNamingTheRow() throws Exception {
        Path partial = Files.writeString(dir.resolve("partial.jsonl"), "{\"id\":\"1\",\"p\":{\"cheap\":0.9,\"dear\":0.95}}\n");
        assertRefused("missing predictions: partial.jsonl has no row for id 2",
                "replay", "--data", data.toString(), "--predictions", partial.toString());
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() throws Exception {
        Files.writeString(data, Files.readString(data) + "{not json}\n");
        int exit = run("replay", "--data", data.toString(), "--predictions", predictions.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("arbiter replay: malformed line 3 of outcomes.jsonl: ");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }

    @Test
    void withoutPredictionsOrAQualityModelItSaysWhatToPass() {
        assertRefused("no pSuccess source: pass --predictions PRED.jsonl (arbiter router predict writes one)",
                "replay", "--data", data.toString());
    }

    private void assertRefused(String message, String... args) {
        int exit = run(args);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("arbiter replay: " + message + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
