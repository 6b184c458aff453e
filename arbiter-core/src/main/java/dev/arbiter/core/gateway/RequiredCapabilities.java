package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.error.ArbiterException;
import java.util.Optional;

/** Checks that a model has every capability a request needs, naming the request field that needs the missing one. */
public final class RequiredCapabilities {
    private RequiredCapabilities() {
    }

    /** A capability the request needs and the model lacks: the request field needing it and what it is, in words. */
    private record Gap(Capability capability, String param, String what) {
    }

    /** Refuses (400, naming the field) a request needing a capability the model lacks. */
    public static void check(ChatRequest request, ModelEntry model) {
        Gap gap = firstGap(request, model);
        if (gap != null) {
            throw ArbiterException.unsupported(gap.param(), "The model '" + model.id() + "' does not support "
                    + gap.what() + " (capability '" + gap.capability().configName() + "'); choose a model that does.");
        }
    }

    /**
     * What the model lacks for this request, in words ({@code lacks image input (capability 'vision', needed by
     * messages[0].content[1])}), or empty when it can serve it; the router's capability filter uses this.
     */
    public static Optional<String> missing(ChatRequest request, ModelEntry model) {
        Gap gap = firstGap(request, model);
        return gap == null ? Optional.empty() : Optional.of("lacks " + gap.what() + " (capability '"
                + gap.capability().configName() + "', needed by " + gap.param() + ")");
    }

    private static Gap firstGap(ChatRequest request, ModelEntry model) {
        if (!request.tools().isEmpty() && !model.supports(Capability.TOOLS)) {
            return new Gap(Capability.TOOLS, "tools", "tool calling");
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormat.Type.JSON_SCHEMA && !model.supports(Capability.JSON_SCHEMA)) {
            return new Gap(Capability.JSON_SCHEMA, "response_format", "JSON schema output");
        }
        if (format != null && format.type() == ResponseFormat.Type.JSON_OBJECT && !model.supports(Capability.JSON_OBJECT)) {
            return new Gap(Capability.JSON_OBJECT, "response_format", "JSON output");
        }
        String imageParam = firstImageParam(request);
        if (imageParam != null && !model.supports(Capability.VISION)) {
            return new Gap(Capability.VISION, imageParam, "image input");
        }
        return null;
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
}
