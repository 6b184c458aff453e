package dev.arbiter.server.chaos;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.config.ProviderType;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.reliability.Balancing;
import dev.arbiter.core.reliability.BreakerSettings;
import dev.arbiter.core.reliability.DeploymentSnapshot;
import dev.arbiter.core.reliability.ModelReliability;
import dev.arbiter.core.reliability.ReliabilityConfig;
import dev.arbiter.core.reliability.RetrySettings;
import dev.arbiter.core.reliability.StreamSettings;
import dev.arbiter.server.ArbiterServer;
import dev.arbiter.testing.chaos.FaultPlan;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import dev.arbiter.testing.fake.FakeUpstream;
import dev.arbiter.testing.fake.OpenAiFakeUpstream;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A gateway on 127.0.0.1 in front of four fake upstreams, driven by a few client threads: model {@code chaos/alpha}
 * (OpenAI wire format, weighted balancing) and {@code chaos/beta} (Anthropic's, least-busy) each have a faulty
 * deployment (a {@link FaultPlan}, weight 3) and a clean one (weight 1), and fall back to each other. Requests mix both models, streamed and plain. The same run backs the
 * chaos test in {@code verify} and the longer benchmark ({@link ChaosBench}).
 */
final class ChaosRun implements AutoCloseable {
    static final String TEXT = "The quick brown fox jumps over the lazy dog, and the gateway keeps every word of it.";
    static final String ALPHA_FAULTY = "alpha-faulty/chaos-alpha";
    static final String ALPHA_CLEAN = "alpha-clean/chaos-alpha";

    private static final ScriptedReply ANSWER = ScriptedReply.text(TEXT, Usage.of(12, 20))
            .withTiming(new ScriptedReply.Timing(Duration.ZERO, Duration.ZERO, 6));
    private static final UpstreamSettings.Timeouts TIMEOUTS = new UpstreamSettings.Timeouts(Duration.ofSeconds(1),
            Duration.ofMillis(1500), Duration.ofMillis(250), Duration.ofMillis(1500));

    final FaultPlan alphaPlan;
    final FaultPlan betaPlan;
    private final List<FakeUpstream> fakes = new ArrayList<>();
    private final Engine engine;
    private final ArbiterServer server;
    private final ChaosClient client;
    private final int clients;
    private final long seed;

    ChaosRun(double faultRate, int clients, long seed) {
        this(faultRate, clients, seed, Duration.ofSeconds(1));
    }

    /** {@code retryAfter}: what the injected 429s ask for (whole seconds; zero keeps the faulty deployments in play). */
    ChaosRun(double faultRate, int clients, long seed, Duration retryAfter) {
        this.clients = clients;
        this.seed = seed;
        alphaPlan = new FaultPlan(faultRate, seed, ANSWER, retryAfter, Duration.ofSeconds(3));
        betaPlan = new FaultPlan(faultRate, seed + 1, ANSWER, retryAfter, Duration.ofSeconds(3));
        List<ProviderConfig> providers = List.of(
                provider("alpha-faulty", ProviderType.OPENAI, new OpenAiFakeUpstream().script(alphaPlan)),
                provider("alpha-clean", ProviderType.OPENAI, new OpenAiFakeUpstream().setDefault(ANSWER)),
                provider("beta-faulty", ProviderType.ANTHROPIC, new AnthropicFakeUpstream().script(betaPlan)),
                provider("beta-clean", ProviderType.ANTHROPIC, new AnthropicFakeUpstream().setDefault(ANSWER)));
        List<ModelEntry> models = List.of(
                model("chaos/alpha", "alpha-faulty", "alpha-clean", "chaos-alpha"),
                model("chaos/beta", "beta-faulty", "beta-clean", "chaos-beta"));
        GatewayConfig config = new GatewayConfig(new ServerConfig("127.0.0.1", 0, 1 << 20), providers, models, false,
                RoutingConfig.DEFAULTS, reliability());
        engine = Engine.assemble(config);
        server = ArbiterServer.start(config.server(), engine);
        client = new ChaosClient(URI.create("http://127.0.0.1:" + server.port()), TEXT);
    }

    /**
     * Short timeouts and a window that holds whole (short) answers back, so every fault falls inside it; breakers
     * open at 50% failures over 20 calls (10 at least) and probe again after one second.
     */
    static ReliabilityConfig reliability() {
        return new ReliabilityConfig(Duration.ofSeconds(10),
                new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(1500),
                        Duration.ofMinutes(1), Duration.ofSeconds(5)),
                new BreakerSettings(true, 20, 10, 0.5, Duration.ofSeconds(5), 1.0, Duration.ofSeconds(1), 2),
                new StreamSettings(32, Duration.ZERO, Duration.ofMillis(400)),
                Map.of("chaos/alpha", new ModelReliability(Balancing.WEIGHTED, List.of("chaos/beta"), List.of(), List.of()),
                        "chaos/beta", new ModelReliability(Balancing.LEAST_BUSY, List.of("chaos/alpha"), List.of(), List.of())));
    }

    private ProviderConfig provider(String id, ProviderType type, FakeUpstream fake) {
        fake.recording(false);
        fakes.add(fake);
        return new ProviderConfig(id, type, new UpstreamSettings(id, fake.baseUrl(), "sk-" + id, Map.of(), TIMEOUTS));
    }

    private static ModelEntry model(String id, String faulty, String clean, String upstream) {
        return new ModelEntry(id, List.of(), null, null, Price.of(1.0, 2.0), 128_000, 4096, null, "chaos", null, null,
                null, List.of(new Deployment(faulty, upstream, 3, 0, null, null), Deployment.of(clean, upstream)));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Sends up to {@code maxRequests} from the client threads (70% to alpha, half of them streamed), stopping early
     * once {@code stop} says so (checked before each request).
     */
    ChaosResults drive(int maxRequests, BooleanSupplier stop) {
        ChaosResults results = new ChaosResults();
        AtomicInteger issued = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom mix = new SplittableRandom(seed * 31 + c);
            threads.add(Thread.ofPlatform().name("chaos-client-" + c).start(() -> {
                while (!stop.getAsBoolean() && issued.incrementAndGet() <= maxRequests) {
                    String model = mix.nextDouble() < 0.7 ? "chaos/alpha" : "chaos/beta";
                    client.send(model, mix.nextBoolean(), results);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    ChaosResults drive(int requests) {
        return drive(requests, () -> false);
    }

    DeploymentSnapshot deployment(String id) {
        return engine.gateway().reliability().snapshot().stream().filter(d -> d.deployment().equals(id))
                .findFirst().orElseThrow();
    }

    @Override
    public void close() {
        client.close();
        server.close();
        fakes.forEach(FakeUpstream::close);
    }
}
