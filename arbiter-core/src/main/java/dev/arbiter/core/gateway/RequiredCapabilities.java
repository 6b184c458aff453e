package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.error.ArbiterException;
import java.util.Map;
import java.util.Optional;

/** Checks that a model has every capability a request needs, naming the request field that needs the missing one. */
public final class RequiredCapabilities {
    private RequiredCapabilities() {
    }

    /** Whether the model has every capability the request needs (for vetting fallbacks without failing). */
    static boolean allows(ChatRequest request, ModelEntry model) {
        try {
            check(request, model);
            return true;
        } catch (ArbiterException e) {
            return false;
        }
    }

    static void check(ChatRequest request, ModelEntry model) {
        if (!request.tools().isEmpty()) {
            require(model, Capability.TOOLS, "tools", "tool calling");
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA) {
            require(model, Capability.JSON_SCHEMA, "response_format", "JSON schema output");
        } else if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT) {
            require(model, Capability.JSON_OBJECT, "response_format", "JSON output");
        }
        if (request.reasoning() != null && request.reasoning().asksForReasoning()) {
            String param = request.reasoning().mode() != null ? "thinking" : "output_config.effort";
            require(model, Capability.REASONING, param, "extended thinking");
        }
        String imageParam = firstImageParam(request);
        if (imageParam != null) {
            require(model, Capability.VISION, imageParam, "image input");
        }
    }

    private static void require(ModelEntry model, Capability capability, String param, String what) {
        if (!model.supports(capability)) {
            throw ArbiterException.unsupported(param, "The model '" + model.id() + "' does not support " + what
                    + " (capability '" + capability.configName() + "'); choose a model that does.");
        }
    }

    private static String firstImageParam(ChatRequest request) {
        for (int i = 0; i < request.messages().size(); i++) {
            Message m = request.messages().get(i);
            for (int j = 0; j < m.content().size(); j++) {
                if (m.content().get(j) instanceof ContentPart.Image) {
                    return "messages[" + i + "].content[" + j + "]";
                }
            }
        }
        return null;
    }

    private static final Map<Capability, String> WORDS = Map.of(Capability.TOOLS, "tool calling",
            Capability.JSON_SCHEMA, "JSON schema output", Capability.JSON_OBJECT, "JSON output",
            Capability.VISION, "image input");

    /** {@link #check} for stages outside this package (the router's direct path). */
    public static void requireAll(ChatRequest request, ModelEntry model) {
        check(request, model);
    }

    /**
     * What the model lacks for this request, in words ({@code lacks image input (capability 'vision', needed by
     * messages[0].content[1])}), or empty when it can serve it; the router's capability filter uses this.
     */
    public static Optional<String> missing(ChatRequest request, ModelEntry model) {
        try {
            check(request, model);
            return Optional.empty();
        } catch (ArbiterException e) { // cheap: Arbiter's exceptions carry no stack trace
            Capability lacking = lacking(request, e.param());
            return Optional.of("lacks " + WORDS.get(lacking) + " (capability '" + lacking.configName()
                    + "', needed by " + e.param() + ")");
        }
    }

    /** The capability behind the request field {@link #check} named. */
    private static Capability lacking(ChatRequest request, String param) {
        if ("tools".equals(param)) {
            return Capability.TOOLS;
        }
        if ("response_format".equals(param)) {
            return request.responseFormat().type() == ResponseFormat.Type.JSON_SCHEMA
                    ? Capability.JSON_SCHEMA : Capability.JSON_OBJECT;
        }
        return Capability.VISION;
    }
}
