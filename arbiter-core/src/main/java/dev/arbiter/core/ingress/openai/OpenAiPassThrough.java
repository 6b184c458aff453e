package dev.arbiter.core.ingress.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * Collects the top-level fields the canonical request does not model into {@code extra}, where
 * OpenAI-compatible upstreams receive them verbatim (and other codecs refuse them by name). Fields OpenAI
 * documents ({@code n}, {@code logprobs}, penalties...) are type-checked first so a typo fails here, not upstream.
 */
final class OpenAiPassThrough {
    private static final Set<String> STRINGS = Set.of("reasoning_effort", "service_tier", "verbosity",
            "prompt_cache_key", "safety_identifier");
    private static final Set<String> BOOLEANS = Set.of("logprobs", "store");
    private static final Set<String> OBJECTS = Set.of("audio", "prediction", "web_search_options");

    private OpenAiPassThrough() {
    }

    /** The unmodelled fields of {@code root} (null when none); {@code modelled} are the ones the parser read. */
    static ObjectNode extra(ObjectNode root, Set<String> modelled) {
        ObjectNode extra = Json.object();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (!modelled.contains(name)) {
                check(root, name);
                extra.set(name, field.getValue().deepCopy());
            }
        }
        return extra.isEmpty() ? null : extra;
    }

    private static void check(ObjectNode root, String name) {
        switch (name) {
            case "n" -> Fields.integer(root, name, null, 1, 128);
            case "frequency_penalty", "presence_penalty" -> Fields.number(root, name, null, -2, 2);
            case "top_logprobs" -> Fields.integer(root, name, null, 0, 20);
            case "modalities" -> stringArray(root, name);
            case "logit_bias" -> logitBias(root);
            default -> {
                if (STRINGS.contains(name)) {
                    Fields.string(root, name, null);
                } else if (BOOLEANS.contains(name)) {
                    Fields.bool(root, name, null);
                } else if (OBJECTS.contains(name)) {
                    Fields.object(root, name, null);
                }
            }
        }
    }

    private static void stringArray(ObjectNode root, String name) {
        var array = Fields.array(root, name, null);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isTextual()) {
                    throw Fields.typeError(Fields.path(name, i), "a string", array.get(i));
                }
            }
        }
    }

    private static void logitBias(ObjectNode root) {
        ObjectNode bias = Fields.object(root, "logit_bias", null);
        if (bias != null) {
            for (String token : (Iterable<String>) bias::fieldNames) {
                Fields.number(bias, token, "logit_bias", -100, 100);
            }
        }
    }
}
