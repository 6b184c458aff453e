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

    /** A few hundred rows of two models the shipped profile has never seen, on everyday and harder prompts. */
    private Path unseenModels(int rows) throws Exception {
        String[] easy = {"What is the capital of %s?", "Suggest a name for a cafe in %s.", "Translate 'good morning' into the language of %s."};
        String[] hard = {"Prove that there are infinitely many primes p such that p + 2 is also prime, given results about %s.",
                "Write a lock-free concurrent hash map in C++ and explain the memory ordering used for %s."};
        String[] places = {"France", "Peru", "Kenya", "Japan", "Norway", "Chile", "Egypt", "Canada"};
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean isHard = i % 3 == 0;
            String[] pool = isHard ? hard : easy;
            String prompt = String.format(pool[random.nextInt(pool.length)], places[random.nextInt(places.length)]);
            double big = isHard ? 0.7 : 0.95;
            double small = isHard ? 0.2 : 0.85;
            lines.add("{\"id\":\"u" + i + "\",\"prompt\":\"" + prompt + "\",\"outcomes\":{\"acme/big\":{\"score\":"
                    + (random.nextDouble() < big ? 1 : 0) + "},\"acme/small\":{\"score\":"
                    + (random.nextDouble() < small ? 1 : 0) + "}}}");
        }
        Path file = dir.resolve("unseen.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void fitLearnsModelsTheShippedProfileHasNeverSeenFromAFewHundredRows() throws Exception {
        Path sample = unseenModels(300);
        Path fitted = dir.resolve("fitted.json");
        Path predictions = dir.resolve("pred.jsonl");
        assertThat(run("router", "fit", "--data", sample.toString(), "--out", fitted.toString()).exit()).isZero();
        assertThat(run("router", "predict", "--profile", fitted.toString(), "--data", sample.toString(),
                "--out", predictions.toString()).exit()).isZero();

        double big = 0;
        double small = 0;
        List<String> lines = Files.readAllLines(predictions);
        for (String line : lines) {
            JsonNode p = Json.parse(line).path("p");
            assertThat(p.path("acme/big").asDouble()).isGreaterThan(p.path("acme/small").asDouble());
            big += p.path("acme/big").asDouble() / lines.size();
            small += p.path("acme/small").asDouble() / lines.size();
        }
        // True rates: big 0.95 / 0.7 and small 0.85 / 0.2 on two easy rows to one hard, i.e. about 0.87 and 0.63.
        assertThat(big).isBetween(0.77, 0.95);
        assertThat(small).isBetween(0.53, 0.73);
        assertThat(Json.parse(Files.readString(fitted)).path("models").has("gpt-4-1106-preview")).isTrue();
    }

    @Test
    void crossValidationHoldsOutEachTaskAndReportsTheTargets() throws Exception {
        Random random = new Random(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            boolean hard = random.nextBoolean();
            String task = "task" + (i % 3);
            double big = hard ? 0.7 : 0.95;
            double small = hard ? 0.2 : 0.9;
            lines.add("{\"id\":\"r" + i + "\",\"source\":\"s\",\"task\":\"" + task + "\",\"prompt\":\""
                    + (hard ? "prove the hard theorem about primes " : "say hello to my friend ") + task
                    + "\",\"outcomes\":{\"big\":{\"score\":" + (random.nextDouble() < big ? 1 : 0)
                    + ",\"cost_usd\":0.01},\"small\":{\"score\":" + (random.nextDouble() < small ? 1 : 0)
                    + ",\"cost_usd\":0.001}}}");
        }
        Path data = Files.write(dir.resolve("cv.jsonl"), lines);
        Path plot = dir.resolve("frontier.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new ArbiterCli()).execute("router", "cv", "--data", data.toString(), "--evaluate",
                    data.toString(), "--two-models", "big,small", "--plot", plot.toString());
        } finally {
            System.setOut(previous);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(report).contains("| s/task0 | 80 |", "| s/task1 | 80 |", "| s/task2 | 80 |", "**pooled**",
                "always-best is big", "APGR");
        assertThat(Files.readString(plot)).startsWith("<svg");
    }
}
