package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Choice;
import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.Provider;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A built-in upstream of simulated models, so a newcomer without provider keys can call the gateway at once.
 * Answers are deterministic for equal requests (only ids and timestamps differ) and honour tools, JSON modes,
 * stop sequences and max_tokens; latency and usage look like the simulated model's. See the package docs.
 */
public final class SandboxProvider implements Provider {
    /** The provider id {@link #fromCatalog} uses, and the prefix of the model ids it creates. */
    public static final String DEFAULT_ID = "sandbox";

    private final String id;
    private final Map<String, SandboxModel> models;
    private final Pacer pacer;
    private final InstantSource clock = InstantSource.system();

    public SandboxProvider(String id, Map<String, SandboxModel> modelsByUpstreamName, Pacer pacer) {
        this.id = Objects.requireNonNull(id, "id");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.models = Map.copyOf(modelsByUpstreamName);
        models.forEach((name, model) -> {
            if (!name.equals(model.upstreamName())) {
                throw new IllegalArgumentException("sandbox model registered as '" + name + "' is named '"
                        + model.upstreamName() + "'");
            }
        });
    }

    /** One simulated model per catalog model, paced in real time; see {@link #fromCatalog(List, Pacer)}. */
    public static SandboxSetup fromCatalog(List<ModelEntry> catalog) {
        return fromCatalog(catalog, Pacer.sleeping());
    }

    /**
     * One simulated model per catalog model: {@code openai/gpt-5.4} becomes upstream name {@code gpt-5.4}, served
     * as {@code sandbox/gpt-5.4} with the original's price, capabilities and context window. When two catalog
     * ids share a name part the first wins; entries already served by the sandbox are skipped.
     */
    public static SandboxSetup fromCatalog(List<ModelEntry> catalog, Pacer pacer) {
        Map<String, SandboxModel> models = new LinkedHashMap<>();
        List<ModelEntry> entries = new ArrayList<>();
        for (ModelEntry entry : catalog) {
            String name = namePart(entry.id());
            if (DEFAULT_ID.equals(entry.provider()) || entry.id().startsWith(DEFAULT_ID + "/") || models.containsKey(name)) {
                continue;
            }
            ModelEntry served = entry.servedBy(DEFAULT_ID + "/" + name, DEFAULT_ID, name);
            models.put(name, SandboxModel.simulating(name, served));
            entries.add(served);
        }
        return new SandboxSetup(new SandboxProvider(DEFAULT_ID, models, pacer), entries);
    }

    @Override
    public String id() {
        return id;
    }

    /** The upstream names this sandbox answers to. */
    public Set<String> modelNames() {
        return models.keySet();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        SandboxModel model = model(request);
        Answer answer = AnswerPlanner.plan(request, model, tag(model));
        pacer.pause(PacingPlan.forAnswer(model, answer).total(answer.visibleTokens()));
        return new ChatResponse(responseId(), request.model(), clock.instant().getEpochSecond(),
                List.of(new Choice(0, answer.message(), answer.finishReason())), answer.usage());
    }

    @Override
    public EventStream stream(ChatRequest request) {
        SandboxModel model = model(request);
        Answer answer = AnswerPlanner.plan(request, model, tag(model));
        StreamEvent.Start start = new StreamEvent.Start(responseId(), request.model(), clock.instant().getEpochSecond());
        return new SandboxEventStream(start, answer, PacingPlan.forAnswer(model, answer), pacer);
    }

    private SandboxModel model(ChatRequest request) {
        SandboxModel model = request.model() == null ? null : models.get(request.model());
        if (model == null) {
            throw new ArbiterException(ErrorKind.PROVIDER_MODEL_NOT_FOUND, "the sandbox '" + id + "' has no model '"
                    + request.model() + "'; it has " + models.keySet().stream().sorted().toList(), "model",
                    "model_not_found", null);
        }
        return model;
    }

    /** How answers name their model: the gateway-facing id, e.g. {@code sandbox/gpt-5.4}. */
    private String tag(SandboxModel model) {
        return id + "/" + model.upstreamName();
    }

    private static String namePart(String catalogId) {
        int slash = catalogId.indexOf('/');
        return slash < 0 ? catalogId : catalogId.substring(slash + 1);
    }

    private static String responseId() {
        return "chatcmpl-sandbox-" + UUID.randomUUID().toString().replace("-", "");
    }
}
