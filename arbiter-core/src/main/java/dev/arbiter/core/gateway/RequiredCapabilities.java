package dev.arbiter.core.gateway;

import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.error.ArbiterException;

/** Checks that a model has every capability a request needs, naming the request field that needs the missing one. */
final class RequiredCapabilities {
    private RequiredCapabilities() {
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
}
