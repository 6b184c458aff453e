package dev.arbiter.core.router;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.Lifecycle;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.config.RouteConfig;
import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.gateway.Catalog;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Pipeline;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.TaskType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-built world for router tests: five catalog models (cheap, mid, strong, a deprecated bargain and one whose
 * provider is not configured), a quality model with known numbers, a stub feature extractor, and a pipeline of the
 * router in front of a {@link ScriptedUpstream}.
 *
 * <p>Quality: logit p = skill(model) + coding bonus (coding requests) − difficulty, with difficulty −3 for prompts
 * containing "easy", +3 for "hard", 0 otherwise. Skills: cheap 0.5, mid 1.5, strong 3.5; coding bonus only for
 * mid (+1.5). So a chat prompt gives cheap/mid/strong 0.97/0.99/1.00 when easy, 0.62/0.82/0.97 when neither, 0.08/0.18/0.62 when hard.
 */
final class RouterFixtures {
    static final Set<Capability> TEXT = EnumSet.of(Capability.TOOLS, Capability.JSON_OBJECT, Capability.JSON_SCHEMA);
    static final Set<Capability> ALL = EnumSet.of(Capability.TOOLS, Capability.JSON_OBJECT, Capability.JSON_SCHEMA,
            Capability.VISION);

    static final ModelEntry CHEAP = model("v/cheap", "up", 0.1, 0.4, 16_000, TEXT);
    static final ModelEntry MID = model("v/mid", "up", 1.0, 4.0, 128_000, ALL);
    static final ModelEntry STRONG = model("v/strong", "up", 5.0, 20.0, 200_000, ALL);
    static final ModelEntry LEGACY = model("v/legacy", "up", 0.01, 0.02, 200_000, ALL).withLifecycle(Lifecycle.DEPRECATED);
    static final ModelEntry OFFLINE = model("w/offline", "absent", 0.01, 0.02, 200_000, ALL);
    static final List<ModelEntry> MODELS = List.of(CHEAP, MID, STRONG, LEGACY, OFFLINE);
    static final Catalog CATALOG = new Catalog(MODELS, Set.of("up"));

    private RouterFixtures() {
    }

    static ModelEntry model(String id, String provider, double in, double out, int context, Set<Capability> caps) {
        return new ModelEntry(id, List.of(), provider, id.substring(id.indexOf('/') + 1), Price.of(in, out), context,
                null, caps, id.substring(0, id.indexOf('/')), "US", Map.of());
    }

    static RouterStage router(RoutingConfig routing, RouterServices services) {
        return new RouterStage(CATALOG, routing, services.withProfile(null), () -> QUALITY);
    }

    static RouterStage router(RoutingConfig routing) {
        return router(routing, services());
    }

    static RouterServices services() {
        return new RouterServices(EXTRACTOR, null, null, null, null, null);
    }

    static RoutingConfig routes(RouteConfig... routes) {
        return new RoutingConfig(0.8, Map.of(), null, List.of(routes));
    }

    static RouteConfig route(String name, String policy, List<String> candidates, Map<String, Object> options) {
        return new RouteConfig(name, policy, candidates, null, Map.of(), null, options);
    }

    static ChatRequest ask(String model, String prompt) {
        return ChatRequest.builder(model).messages(Message.user(prompt)).build();
    }

    static ChatRequest askWithImage(String model, String prompt) {
        Message m = new Message(Role.USER, List.of(new ContentPart.Text(prompt),
                ContentPart.Image.ofUrl("https://example.com/cat.png", null)), List.of(), null, null);
        return ChatRequest.builder(model).messages(m).build();
    }

    static Exchange exchange(ChatRequest request, Map<String, String> headers) {
        return new Exchange(request, new RequestMeta(headers, "openai", System.nanoTime()), new Trace());
    }

    /** Runs the router in front of {@code upstream}; returns the exchange so tests can read its trace. */
    static Exchange run(RouterStage router, ScriptedUpstream upstream, ChatRequest request, Map<String, String> headers) {
        Exchange exchange = exchange(request, headers);
        new Pipeline(List.<Interceptor>of(router, upstream)).run(exchange);
        return exchange;
    }

    static Exchange run(RouterStage router, ChatRequest request) {
        return run(router, new ScriptedUpstream(), request, Map.of());
    }

    /** Known numbers; see the class comment. */
    static final QualityModel QUALITY = new QualityModel() {
        private final Map<String, Double> skill = Map.of("v/cheap", 0.5, "v/mid", 1.5, "v/strong", 3.5,
                "v/legacy", 3.0, "w/offline", 3.0);

        @Override
        public double pSuccess(RequestFeatures features, String model) {
            double bonus = features.taskType() == TaskType.CODING && model.equals("v/mid") ? 1.5 : 0;
            return 1 / (1 + Math.exp(-(skill.get(model) + bonus - difficulty(features))));
        }

        @Override
        public double difficulty(RequestFeatures features) {
            String p = features.promptText();
            return p.contains("hard") ? 3 : p.contains("easy") ? -3 : 0;
        }

        @Override
        public Set<String> models() {
            return skill.keySet();
        }
    };

    /** "code" makes a coding request, anything else chat; one input token per character of the prompt. */
    static final FeatureExtractor EXTRACTOR = new FeatureExtractor() {
        @Override
        public RequestFeatures extract(ChatRequest request) {
            String text = request.messages().stream().map(Message::text).reduce("", String::concat);
            TaskType type = text.contains("code") ? TaskType.CODING : TaskType.CHAT;
            int maxOutput = request.maxTokens() != null ? request.maxTokens() : 4096;
            return new RequestFeatures(type, Map.of(type, 0.9, TaskType.MATH, 0.1), "en", text.length(), maxOutput,
                    request.hasImages(), !request.tools().isEmpty(),
                    request.responseFormat() != null && request.responseFormat().wantsJson(), text);
        }

        @Override
        public RequestFeatures extract(String prompt) {
            return extract(ask("auto", prompt));
        }
    };
}
