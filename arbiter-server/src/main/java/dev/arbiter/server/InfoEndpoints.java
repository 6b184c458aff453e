package dev.arbiter.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.reliability.DeploymentSnapshot;
import dev.arbiter.core.reliability.Reliability;
import dev.arbiter.core.router.VirtualModels;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** {@code GET /v1/models} (OpenAI shape, or Anthropic's for Claude clients), {@code /health} and {@code /ready}. */
final class InfoEndpoints {
    private final Catalog catalog;
    private final List<VirtualModels.Listed> virtualModels;
    private final List<String> providers;
    private final boolean sandbox;
    private final Reliability reliability;

    InfoEndpoints(Catalog catalog, List<VirtualModels.Listed> virtualModels, List<String> providers, boolean sandbox,
                  Reliability reliability) {
        this.catalog = catalog;
        this.virtualModels = List.copyOf(virtualModels);
        this.providers = List.copyOf(providers);
        this.sandbox = sandbox;
        this.reliability = reliability;
    }

    void models(ServerRequest req, ServerResponse res) {
        boolean anthropic = req.headers().contains(io.helidon.http.HeaderNames.create("anthropic-version"));
        ArrayNode data = Json.array();
        for (ModelEntry m : catalog.available()) {
            data.add(anthropic ? anthropicModel(m) : openAiModel(m));
        }
        for (VirtualModels.Listed v : virtualModels) {
            data.add(anthropic ? anthropicVirtual(v) : openAiVirtual(v));
        }
        ObjectNode body = Json.object();
        if (anthropic) {
            body.set("data", data);
            body.put("has_more", false);
            body.put("first_id", data.isEmpty() ? null : data.get(0).get("id").asText());
            body.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id").asText());
        } else {
            body.put("object", "list");
            body.set("data", data);
        }
        sendJson(res, 200, body);
    }

    void health(ServerRequest req, ServerResponse res) {
        ObjectNode body = Json.object().put("status", "ok").put("sandbox", sandbox);
        ArrayNode list = body.putArray("providers");
        providers.forEach(list::add);
        body.put("models", catalog.available().size());
        body.set("deployments", deployments(reliability.snapshot()));
        ArrayNode unhealthy = body.putArray("unhealthy_models");
        catalog.available().stream().map(ModelEntry::id).filter(id -> !reliability.health().healthy(id)).forEach(unhealthy::add);
        sendJson(res, 200, body);
    }

    /** Each deployment's circuit state, window, load and cool-down (the same numbers a metrics gauge reads). */
    private static ArrayNode deployments(List<DeploymentSnapshot> snapshots) {
        ArrayNode list = Json.array();
        for (DeploymentSnapshot d : snapshots) {
            ObjectNode node = list.addObject().put("id", d.deployment());
            d.models().forEach(node.putArray("models")::add);
            node.put("state", d.state().wireName()).put("window_calls", d.windowCalls())
                    .put("failure_rate", round(d.failureRate())).put("slow_call_rate", round(d.slowCallRate()))
                    .put("times_opened", d.timesOpened()).put("in_flight", d.inFlight())
                    .put("max_concurrency", d.maxConcurrency()).put("cooldown_ms", d.cooldownMillis())
                    .put("latency_ms", round(d.latencyMillis()));
        }
        return list;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    void ready(ServerRequest req, ServerResponse res) {
        boolean ready = !catalog.available().isEmpty();
        ObjectNode body = Json.object().put("status", ready ? "ready" : "no models available");
        sendJson(res, ready ? 200 : 503, body);
    }

    private static ObjectNode openAiModel(ModelEntry m) {
        ObjectNode node = Json.object().put("id", m.id()).put("object", "model").put("created", 0)
                .put("owned_by", m.vendor() == null ? m.provider() : m.vendor());
        ObjectNode arbiter = node.putObject("arbiter");
        arbiter.put("provider", m.provider()).put("context_window", m.contextWindow());
        arbiter.putObject("price_per_million").put("input", m.price().input()).put("output", m.price().output())
                .put("cached_input", m.price().cachedInput());
        ArrayNode caps = arbiter.putArray("capabilities");
        m.capabilities().stream().map(Capability::configName).sorted().forEach(caps::add);
        ArrayNode aliases = arbiter.putArray("aliases");
        m.aliases().forEach(aliases::add);
        return node;
    }

    /** A virtual model or route: owned by Arbiter, with what it is and which policy decides it. */
    private static ObjectNode openAiVirtual(VirtualModels.Listed v) {
        ObjectNode node = Json.object().put("id", v.id()).put("object", "model").put("created", 0)
                .put("owned_by", "arbiter");
        node.putObject("arbiter").put("kind", v.kind()).put("policy", v.policy()).put("description", v.description());
        return node;
    }

    private static ObjectNode anthropicVirtual(VirtualModels.Listed v) {
        return Json.object().put("type", "model").put("id", v.id()).put("display_name", v.id() + " (arbiter "
                + v.kind() + ": " + v.description() + ")").put("created_at", "1970-01-01T00:00:00Z");
    }

    private static ObjectNode anthropicModel(ModelEntry m) {
        return Json.object().put("type", "model").put("id", m.id()).put("display_name", m.id())
                .put("created_at", "1970-01-01T00:00:00Z");
    }

    static void sendJson(ServerResponse res, int status, ObjectNode body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(Json.bytes(body));
    }
}
