package dev.arbiter.cli;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.config.ConfigException;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.config.ServerConfig;
import dev.arbiter.core.gateway.Engine;
import dev.arbiter.core.router.VirtualModels;
import dev.arbiter.server.ArbiterServer;
import dev.arbiter.store.StorageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter serve}: loads the config (or none), assembles the engine and serves HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the gateway (sandbox mode when no provider is configured).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: none, embedded defaults).")
    Path config;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1, or server.host).")
    String host;

    @Option(names = "--port", description = "Port to listen on (default 8080, or server.port; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig gatewayConfig;
        try {
            gatewayConfig = ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            System.err.println("arbiter: invalid config: " + e.getMessage());
            return 2;
        }
        ServerConfig serverConfig = gatewayConfig.server();
        if (host != null) {
            serverConfig = serverConfig.withHost(host);
        }
        if (port != null) {
            serverConfig = serverConfig.withPort(port);
        }
        GatewayStack stack;
        try {
            stack = GatewayStack.open(gatewayConfig);
        } catch (StorageException e) {
            System.err.println("arbiter: cannot open the storage: " + e.getMessage());
            return 1;
        }
        Engine engine = stack.engine();
        try {
            engine.gateway().warmUp();
        } catch (RuntimeException e) { // routed requests will say so too; direct model names still work
            System.err.println("arbiter: warning: routing is unavailable: " + e.getMessage());
        }
        ArbiterServer server;
        try {
            server = ArbiterServer.start(serverConfig, engine, stack.addons());
        } catch (IllegalStateException e) {
            System.err.println("arbiter: " + e.getMessage());
            stack.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // stops taking requests and lets those in flight finish
            stack.close(); // then the ledger's last rows are written
            stopped.countDown();
        }, "arbiter-shutdown"));
        printBanner(System.out, engine, serverConfig.host(), server.port(), stack.description());
        stopped.await();
        return 0;
    }

    private static void printBanner(PrintStream out, Engine engine, String host, int port, List<String> tenancy) {
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        out.println("Arbiter is serving on " + base);
        out.println("  OpenAI API:    POST " + base + "/v1/chat/completions   (GET /v1/models)");
        out.println("  Anthropic API: POST " + base + "/v1/messages");
        out.println("  Health:        GET  " + base + "/health, /ready");
        if (engine.sandbox()) {
            out.println("SANDBOX MODE: no provider keys or config found, so the models below are simulated"
                    + " (set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, ... or pass --config for real ones).");
        }
        out.println("Providers: " + String.join(", ", engine.providerIds()));
        out.println("Models:");
        for (ModelEntry m : engine.gateway().catalog().available()) {
            out.printf("  %-32s %-10s $%s / $%s per 1M tokens in/out%s%n", m.id(), m.provider(),
                    m.price().input().toPlainString(), m.price().output().toPlainString(),
                    m.aliases().isEmpty() ? "" : "  (also: " + String.join(", ", m.aliases()) + ")");
        }
        List<String> routed = engine.gateway().virtualModels().stream()
                .filter(v -> !v.id().startsWith("auto:")).map(VirtualModels.Listed::id).toList();
        out.println("Routed models: " + String.join(", ", routed) + ", auto:<task>   (docs/routes.md)");
        tenancy.forEach(out::println);
        if (engine.gateway().requiresKeys()) {
            out.println("Keys: every /v1 request needs a virtual key; issue them with POST " + base
                    + "/admin/keys or `arbiter keys create` (docs/operations.md).");
        } else {
            out.println("This gateway runs open (no admin key set): any local caller may use it, and /admin is off."
                    + " Set ARBITER_ADMIN_KEY (or auth.admin_key) to require virtual keys.");
        }
        out.flush();
    }
}
