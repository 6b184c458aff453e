package dev.arbiter.server;

import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.ingress.anthropic.AnthropicIngress;
import dev.arbiter.core.ingress.openai.OpenAiIngress;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.observe.ExchangeListener;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP front door: a Helidon WebServer (virtual thread per request) exposing the OpenAI and Anthropic chat
 * APIs, the model list, health checks and Prometheus metrics. Every reply, even to an unknown path, is JSON in the OpenAI error shape.
 */
public final class ArbiterServer implements AutoCloseable {
    private static final List<String> CORE_PATHS = List.of("/v1/chat/completions", "/v1/messages",
            CountTokensEndpoint.PATH, "/v1/models", "/health", "/ready");
    private static final String METRICS_PATH = "/metrics";

    /**
     * How far past the body limit Helidon still accepts a body. Our BodyReader answers 413 for anything over the
     * limit, and Helidon then reads and discards the rest of a body up to this much more, so a client that is still
     * sending reads the 413 instead of a connection reset. A body declared larger is refused by Helidon at once
     * ({@link ProtocolErrors}) and the connection closed.
     */
    static final long DRAINED_EXCESS_BYTES = 4L * 1024 * 1024;

    private final WebServer server;

    private ArbiterServer(WebServer server) {
        this.server = server;
    }

    /** Starts serving the engine on the configured host and port (port 0 picks a free one), with the admin API off. */
    public static ArbiterServer start(ServerConfig config, Engine engine) {
        return start(config, engine, ServerAddons.NONE);
    }

    /** The same, also serving the admin API under {@code /admin} (a disabled one answers 403 saying how to enable it). */
    public static ArbiterServer start(ServerConfig config, Engine engine, AdminApi admin) {
        return start(config, engine, new ServerAddons(admin, null, null));
    }

    /** The same, with the admin API, an extra exchange listener (the ledger) and extra counters on /metrics. */
    public static ArbiterServer start(ServerConfig config, Engine engine, ServerAddons addons) {
        AdminApi admin = addons.admin();
        BodyReader bodies = new BodyReader(config.maxBodyBytes());
        InfoEndpoints info = new InfoEndpoints(engine.gateway().catalog(), engine.gateway().virtualModels(),
                engine.providerIds(), engine.sandbox(), engine.gateway().reliability());
        IngressFormat openAi = new OpenAiIngress();
        AnthropicIngress anthropic = new AnthropicIngress();
        ErrorWriter fallbackErrors = new ErrorWriter(openAi);
        GatewayMetrics metrics = config.metrics()
                ? new GatewayMetrics(engine.gateway(), engine.providerIds(), config.metricsHistogram()) : null;
        if (metrics != null) {
            addons.counters().forEach(metrics::registerCounter);
        }
        ExchangeListener listener = ExchangeListener.both(metrics == null ? ExchangeListener.NONE : metrics,
                addons.listener());
        List<String> known = new ArrayList<>(CORE_PATHS);
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(ConnectionCloseFilter::filter)
                .post("/v1/chat/completions", new ChatEndpoint("openai", openAi, engine.gateway(), bodies, listener))
                .post("/v1/messages", new ChatEndpoint("anthropic", anthropic, engine.gateway(), bodies, listener))
                .post(CountTokensEndpoint.PATH, new CountTokensEndpoint(anthropic, engine.gateway(), bodies))
                .get("/v1/models", info::models)
                .get("/health", info::health)
                .get("/ready", info::ready);
        if (metrics != null) {
            MetricsEndpoint endpoint = new MetricsEndpoint(metrics);
            Handler scrape = config.metricsAuth() ? admin.requiringAdminKey(endpoint::scrape) : endpoint::scrape;
            routing.get(METRICS_PATH, scrape);
            known.add(METRICS_PATH);
        }
        admin.register(routing);
        routing.any((req, res) -> notRouted(req, res, fallbackErrors, known, admin))
                .error(RuntimeException.class, (req, res, e) -> fallbackErrors.sendUnexpected(res, e));
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxBodyBytes() + DRAINED_EXCESS_BYTES)
                // Garbage Helidon refuses before routing still gets a JSON error, with Helidon's safe detail in it.
                .directHandlers(new ProtocolErrors(openAi, anthropic, config.maxBodyBytes()).asDirectHandlers())
                .errorHandling(errors -> errors.includeEntity(true))
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing)
                .shutdownHook(false)
                // On stop, requests in flight finish (their ledger rows and budget settlements with them) before
                // their connections close; Helidon's default of 0.5 s cut longer answers off mid-call.
                .shutdownGracePeriod(config.shutdownGrace())
                .build()
                .start();
        if (!server.isRunning()) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port()
                    + " (is the address in use, or not local to this machine?)");
        }
        return new ArbiterServer(server);
    }

    private static void notRouted(ServerRequest req, ServerResponse res, ErrorWriter errors, List<String> known,
                                  AdminApi admin) {
        String path = req.path().path();
        if (AdminApi.owns(path)) {
            admin.notRouted(req, res);
            return;
        }
        if (known.contains(path)) {
            res.header("Allow", path.startsWith("/v1/chat") || path.startsWith("/v1/messages") ? "POST" : "GET");
            errors.send(res, new ArbiterException(ErrorKind.CALLER_METHOD_NOT_ALLOWED,
                    "Method " + req.prologue().method().text() + " is not allowed on " + path + ".", null, "method_not_allowed", null));
        } else {
            errors.send(res, new ArbiterException(ErrorKind.CALLER_NOT_FOUND,
                    "No such endpoint: " + path + ". Arbiter serves " + String.join(", ", known) + ".", null, "not_found", null));
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
