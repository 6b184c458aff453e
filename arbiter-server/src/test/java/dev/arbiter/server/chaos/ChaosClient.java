package dev.arbiter.server.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One client request of a chaos run, sent with the JDK HttpClient, and its verdict: a plain answer must carry the
 * whole text; a stream must carry the whole text and end with {@code [DONE]}; a failure counts as explicit only if
 * it is an HTTP error with an error body, or a stream whose last event is an error chunk
 * ({@code finish_reason: "error"} and an {@code error} object) with no {@code [DONE]}.
 */
final class ChaosClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String expectedText;

    ChaosClient(URI gateway, String expectedText) {
        this.endpoint = gateway.resolve("/v1/chat/completions");
        this.expectedText = expectedText;
    }

    void send(String model, boolean stream, ChaosResults results) {
        String body = """
                {"model": "%s", "stream": %s, "messages": [{"role": "user", "content": "Say the sentence."}]}"""
                .formatted(model, stream);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1000;
            judge(res, stream, micros, results);
        } catch (IOException e) {
            results.record(ChaosResults.Verdict.SILENT_FAILURE, stream, 0, "connection: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A verdict and what to say about it. */
    private record Judgement(ChaosResults.Verdict verdict, String detail) {
    }

    private void judge(HttpResponse<String> res, boolean stream, long micros, ChaosResults results) {
        Judgement j = res.statusCode() != 200 ? judgeError(res) : stream ? judgeStream(res.body()) : judgeAnswer(res.body());
        results.record(j.verdict(), stream, micros, j.detail());
        boolean retried = res.headers().firstValue("x-arbiter-attempts").orElse("").matches(".*=(provider|caller|policy)_.*");
        if (j.verdict() == ChaosResults.Verdict.OK && retried) {
            results.rescued(micros);
        }
    }

    private static Judgement judgeError(HttpResponse<String> res) {
        JsonNode error = parse(res.body()).path("error");
        boolean explicit = error.path("type").isTextual() && error.path("message").isTextual();
        return explicit ? new Judgement(ChaosResults.Verdict.EXPLICIT_FAILURE, res.statusCode() + " " + error.path("type").asText())
                : new Judgement(ChaosResults.Verdict.SILENT_FAILURE, "status " + res.statusCode() + ": " + res.body());
    }

    private Judgement judgeAnswer(String body) {
        String text = parse(body).at("/choices/0/message/content").asText("");
        return text.equals(expectedText) ? new Judgement(ChaosResults.Verdict.OK, null)
                : new Judgement(ChaosResults.Verdict.SILENT_FAILURE, "wrong answer: " + body);
    }

    private Judgement judgeStream(String body) {
        StringBuilder text = new StringBuilder();
        String last = null;
        for (String block : body.split("\n\n")) {
            if (block.startsWith("data: ")) {
                last = block.substring(6).strip();
                if (!last.equals("[DONE]")) {
                    text.append(parse(last).at("/choices/0/delta/content").asText(""));
                }
            }
        }
        if ("[DONE]".equals(last) && text.toString().equals(expectedText)) {
            return new Judgement(ChaosResults.Verdict.OK, null);
        }
        JsonNode end = last == null || last.equals("[DONE]") ? Json.object() : parse(last);
        boolean explicit = end.path("error").path("type").isTextual()
                && "error".equals(end.at("/choices/0/finish_reason").asText());
        return explicit ? new Judgement(ChaosResults.Verdict.EXPLICIT_FAILURE, "stream " + end.path("error").path("type").asText())
                : new Judgement(ChaosResults.Verdict.SILENT_FAILURE, "stream: " + body);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (RuntimeException e) {
            return Json.object();
        }
    }

    void close() {
        http.close();
    }
}
