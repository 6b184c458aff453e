package dev.arbiter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures time to first token of streamed chat completions, one request at a time, and prints one JSON line.
 * The first token is the first {@code data:} event carrying non-empty delta content, not the response head (a
 * gateway may send its head before the upstream has produced anything).
 *
 * <p>Usage: {@code java -cp mock-upstream.jar dev.arbiter.bench.SseProbe --url URL --model M [--count 50]
 * [--warmup 5] [--label name]}; only loopback URLs are accepted.
 */
public final class SseProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SseProbe() {
    }

    /** Command line settings. */
    record Settings(URI url, String model, int count, int warmup, String label) {
    }

    /** One request's outcome; ttft and total in microseconds, or an error text. */
    record Sample(long ttftUs, long totalUs, String error) {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = parse(args);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        HttpRequest request = request(settings);
        for (int i = 0; i < settings.warmup(); i++) {
            once(client, request);
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < settings.count(); i++) {
            samples.add(once(client, request));
        }
        System.out.println(summary(settings, samples));
    }

    static HttpRequest request(Settings s) {
        String body = "{\"model\":" + OpenAiBodies.quote(s.model()) + ",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"You are a helpful assistant.\"},{\"role\":\"user\",\"content\":"
                + "\"Say hello in one short sentence.\"}],\"max_tokens\":32,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}";
        return HttpRequest.newBuilder(s.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static Sample once(HttpClient client, HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    return new Sample(0, 0, "HTTP " + response.statusCode());
                }
                return readStream(lines, start);
            }
        } catch (IOException e) {
            return new Sample(0, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Sample readStream(BufferedReader lines, long start) throws IOException {
        long ttft = -1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.startsWith("data:")) {
                continue;
            }
            if (line.substring(5).trim().equals("[DONE]")) {
                long total = (System.nanoTime() - start) / 1000;
                return ttft < 0 ? new Sample(0, 0, "stream ended without content") : new Sample(ttft, total, null);
            }
            if (ttft < 0 && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
                ttft = (System.nanoTime() - start) / 1000;
            }
        }
        return new Sample(0, 0, "stream ended without data: [DONE]");
    }

    static String summary(Settings s, List<Sample> samples) {
        long[] ttft = samples.stream().filter(x -> x.error() == null).mapToLong(Sample::ttftUs).sorted().toArray();
        long[] total = samples.stream().filter(x -> x.error() == null).mapToLong(Sample::totalUs).sorted().toArray();
        String firstError = samples.stream().map(Sample::error).filter(e -> e != null).findFirst().orElse(null);
        return "{\"label\":" + OpenAiBodies.quote(s.label()) + ",\"model\":" + OpenAiBodies.quote(s.model())
                + ",\"count\":" + samples.size() + ",\"ok\":" + ttft.length + ",\"errors\":" + (samples.size() - ttft.length)
                + ",\"ttft_p50_us\":" + percentile(ttft, 50) + ",\"ttft_p90_us\":" + percentile(ttft, 90)
                + ",\"ttft_p99_us\":" + percentile(ttft, 99) + ",\"ttft_max_us\":" + percentile(ttft, 100)
                + ",\"total_p50_us\":" + percentile(total, 50)
                + ",\"first_error\":" + (firstError == null ? "null" : OpenAiBodies.quote(firstError)) + "}";
    }

    /** Nearest-rank percentile of sorted values; -1 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static Settings parse(String[] args) {
        String url = null;
        String model = "mock-t100-s20x10";
        int count = 50;
        int warmup = 5;
        String label = "";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--model" -> model = v;
                case "--count" -> count = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--label" -> label = v;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "' in " + Arrays.toString(args));
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("--url must point at 127.0.0.1 or localhost, got " + uri.getHost());
        }
        if (count < 1 || count > 10_000 || warmup < 0 || warmup > 1_000) {
            throw new IllegalArgumentException("--count must be 1..10000 and --warmup 0..1000");
        }
        return new Settings(uri, model, count, warmup, label);
    }
}
