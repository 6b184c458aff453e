package dev.arbiter.bench.routing;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.Ranking;
import dev.arbiter.core.routing.features.FeatureExtractors;
import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.quality.QualityProfile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one routing decision (features → quality model over the built-in catalog → cheapest-meeting-bar) and of
 * feature extraction alone, per prompt kind and for the interleaved mix, with and without the embedding extractor.
 * SampleTime mode, so JMH prints p50/p90/p99 per case. Run with bench/jmh.sh (see bench/README.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RoutingDecisionBenchmark {
    /** Quality bar of the decision: the documented default for {@code auto}. */
    static final double QUALITY_BAR = 0.8;

    @Param({RoutingPrompts.MIX, RoutingPrompts.SHORT_CHAT, RoutingPrompts.LONG_CODING, RoutingPrompts.MATH,
        RoutingPrompts.DOC_EXTRACTION})
    public String prompts;

    /** {@code heuristic}, or {@code embeddings} (the arbiter-embeddings decorator, as config turns it on). */
    @Param({"heuristic", "embeddings"})
    public String extractor;

    private RoutingDecision decision;
    private ChatRequest[] requests;

    /** Each benchmark thread walks the request list in turn. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        ChatRequest take(ChatRequest[] requests) {
            ChatRequest r = requests[next];
            next = next + 1 == requests.length ? 0 : next + 1;
            return r;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        FeatureExtractor features = switch (extractor) {
            case "heuristic" -> new HeuristicFeatureExtractor();
            case "embeddings" -> FeatureExtractors.forConfig(true);
            default -> throw new IllegalArgumentException("extractor must be heuristic or embeddings: " + extractor);
        };
        decision = new RoutingDecision(features, QualityProfile.shipped(), ConfigLoader.builtInCatalog(),
                Policies.byName(Policies.CHEAPEST_MEETING_BAR), QUALITY_BAR);
        List<ChatRequest> list = RoutingPrompts.requests(prompts);
        requests = list.toArray(ChatRequest[]::new);
        for (ChatRequest r : requests) {
            decision.decide(r); // fail in set-up, not mid-measurement, if anything is wrong
        }
    }

    @Benchmark
    public Ranking decide(Cursor cursor) {
        return decision.decide(cursor.take(requests));
    }

    @Benchmark
    public RequestFeatures extractOnly(Cursor cursor) {
        return decision.extract(cursor.take(requests));
    }
}
