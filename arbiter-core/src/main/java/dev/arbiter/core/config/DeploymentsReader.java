package dev.arbiter.core.config;

import dev.arbiter.core.catalog.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads where a model is served: either {@code provider} (+ {@code upstream_model}) for one deployment, or a
 * {@code deployments} list, each {@code {provider, upstream_model, weight, max_concurrency, api_key, label}}.
 */
final class DeploymentsReader {
    static final Set<String> KEYS = Set.of("provider", "upstream_model", "weight", "max_concurrency", "api_key", "label");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private DeploymentsReader() {
    }

    /** A deployment as read, with the cursor of its provider for later checks. */
    record Parsed(Deployment deployment, Cursor providerCursor) {
    }

    /** The model's deployments; {@code defaultUpstream} is the upstream name when none is given. */
    static List<Parsed> read(Fields model, String defaultUpstream) {
        var list = model.optional("deployments");
        if (list.isEmpty()) {
            Cursor provider = model.required("provider");
            String upstream = model.optional("upstream_model").map(ModelReader::name).orElse(defaultUpstream);
            return List.of(new Parsed(Deployment.of(ModelReader.name(provider), upstream), provider));
        }
        for (String single : List.of("provider", "upstream_model")) {
            if (model.optional(single).isPresent()) {
                throw model.optional(single).get().error("give either '" + single + "' or 'deployments', not both");
            }
        }
        List<Cursor> items = list.get().items();
        if (items.isEmpty()) {
            throw list.get().error("'deployments' must list at least one deployment");
        }
        List<Parsed> out = new ArrayList<>();
        Map<String, Cursor> seen = new HashMap<>();
        for (Cursor item : items) {
            Parsed p = deployment(item.fields(KEYS), defaultUpstream);
            Cursor first = seen.putIfAbsent(p.deployment().id(), item);
            if (first != null) {
                throw item.error("deployment '" + p.deployment().id() + "' is listed twice (first at " + first.path()
                        + "); give them distinct labels");
            }
            out.add(p);
        }
        return out;
    }

    private static Parsed deployment(Fields f, String defaultUpstream) {
        Cursor provider = f.required("provider");
        String upstream = f.optional("upstream_model").map(ModelReader::name).orElse(defaultUpstream);
        int weight = f.optional("weight").map(c -> atLeastOne(c, "weight")).orElse(1);
        int cap = f.optional("max_concurrency").map(c -> atLeastOne(c, "max_concurrency")).orElse(0);
        String key = f.optional("api_key").map(Cursor::text).map(String::strip)
                .filter(k -> !k.isEmpty() && !k.equalsIgnoreCase("none")).orElse(null);
        String label = f.optional("label").map(DeploymentsReader::label).orElse(null);
        return new Parsed(new Deployment(ModelReader.name(provider), upstream, weight, cap, key, label), provider);
    }

    private static int atLeastOne(Cursor c, String what) {
        int value = c.intValue();
        if (value < 1) {
            throw c.error(what + " must be at least 1, got " + value);
        }
        return value;
    }

    private static String label(Cursor c) {
        String text = c.requiredText();
        if (!LABEL.matcher(text).matches()) {
            throw c.error("a label may use only letters, digits, '.', '_' and '-', got '" + text + "'");
        }
        return text;
    }
}
