package dev.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code arbiter router train-base|fit|predict}: a full round trip, and bad input as exit code 2 with one line. */
class RouterCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previousErr = System.err;
        PrintStream previousOut = System.out;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new ArbiterCli()).execute(args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(previousErr);
            System.setOut(previousOut);
        }
    }

    /** Rows where "hard" prompts fail more often and the first model is the stronger one. */
    private Path outcomes(String name, int rows, String... models) throws Exception {
        Random random = new Random(name.hashCode());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean hard = random.nextBoolean();
            StringBuilder outcomes = new StringBuilder();
            for (int m = 0; m < models.length; m++) {
                double p = (hard ? 0.3 : 0.8) - 0.2 * m;
                outcomes.append(m == 0 ? "" : ",").append('"').append(models[m]).append("\":{\"score\":")
                        .append(random.nextDouble() < p ? "1.0" : "0.0").append('}');
            }
            lines.add("{\"id\":\"" + name + "-" + i + "\",\"source\":\"" + name + "\",\"task\":\"t\",\"prompt\":\""
                    + (hard ? "prove the hard theorem about primes" : "say hello to my friend") + " " + i
                    + "\",\"outcomes\":{" + outcomes + "}}");
        }
        Path file = dir.resolve(name + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void fitThenPredictCoversEveryRowAndEveryModel() throws Exception {
        Path baseData = outcomes("base", 200, "big", "small");
        Path newData = outcomes("fresh", 120, "newcomer");
        Path base = dir.resolve("base.json");
        Path fitted = dir.resolve("fitted.json");
        Path prompts = dir.resolve("prompts.jsonl");
        Files.writeString(prompts, "{\"id\":\"q1\",\"prompt\":\"prove the hard theorem\"}\n{\"id\":\"q2\",\"prompt\":\"hi\"}\n");
        Path predictions = dir.resolve("pred.jsonl");

        assertThat(run("router", "train-base", "--data", baseData.toString(), "--out", base.toString()).exit()).isZero();
        assertThat(run("router", "fit", "--base", base.toString(), "--data", newData.toString(),
                "--out", fitted.toString()).exit()).isZero();
        assertThat(run("router", "predict", "--profile", fitted.toString(), "--data", prompts.toString(),
                "--out", predictions.toString()).exit()).isZero();

        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode node = Json.parse(line);
            assertThat(node.path("id").asText()).startsWith("q");
            assertThat(node.path("p").properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("big", "newcomer", "small");
            node.path("p").forEach(p -> assertThat(p.asDouble()).isStrictlyBetween(0.0, 1.0));
        }
        JsonNode hard = Json.parse(lines.get(0)).path("p");
        JsonNode easy = Json.parse(lines.get(1)).path("p");
        assertThat(hard.path("big").asDouble()).isLessThan(easy.path("big").asDouble());
        assertThat(easy.path("big").asDouble()).isGreaterThan(easy.path("small").asDouble());
    }

    @Test
    void predictWorksOnTheShippedProfileRowsAndIgnoresOutcomes() throws Exception {
        Path data = outcomes("any", 5, "whatever");
        Path predictions = dir.resolve("pred.jsonl");
        Path fitted = dir.resolve("fitted.json");
        assertThat(run("router", "fit", "--data", data.toString(), "--out", fitted.toString()).exit()).isZero();
        assertThat(run("router", "predict", "--profile", fitted.toString(), "--data", data.toString(),
                "--out", predictions.toString()).exit()).isZero();
        assertThat(Files.readAllLines(predictions)).hasSize(5)
                .allSatisfy(l -> assertThat(Json.parse(l).path("p").has("whatever")).isTrue());
    }

    @Test
    void aMissingDataFileIsExitTwoWithOneLine() {
        Run r = run("router", "fit", "--data", dir.resolve("absent.jsonl").toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("arbiter: no such file").hasLineCount(1);
    }

    @Test
    void anEmptyDataFileIsExitTwo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Run r = run("router", "train-base", "--data", empty.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("arbiter: empty data file: empty.jsonl").hasLineCount(1);
    }

    @Test
    void aMalformedLineIsExitTwoNamingTheLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\":\"a\",\"prompt\":\"x\"}\n{not json\n");
        Run r = run("router", "predict", "--profile", dir.resolve("p.json").toString(), "--data", bad.toString(),
                "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("arbiter: no such profile");
        Path fitted = dir.resolve("fitted.json");
        Run fit = run("router", "fit", "--data", bad.toString(), "--out", fitted.toString());
        assertThat(fit.exit()).isEqualTo(2);
        assertThat(fit.err()).startsWith("arbiter: malformed line 2 of bad.jsonl").hasLineCount(1);
    }

    @Test
    void aProfileOfAnUnknownVersionIsExitTwo() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"format\":\"arbiter-quality-profile\",\"version\":7}");
        Path data = Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"a\",\"prompt\":\"x\"}\n");
        Run r = run("router", "predict", "--profile", profile.toString(), "--data", data.toString(),
                "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported quality profile version 7").hasLineCount(1);
    }
}
