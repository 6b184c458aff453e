package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.reliability.Balancing;
import dev.arbiter.core.reliability.ModelReliability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's reliability rules ({@code balancing}, {@code fallbacks}, {@code context_window_fallbacks},
 * {@code content_policy_fallbacks}) and, once the catalog is merged, resolves the fallback names (ids or aliases) to
 * model ids, failing at the line of a name that is unknown or the model itself.
 */
final class ModelRulesReader {
    private static final List<String> LISTS = List.of("fallbacks", "context_window_fallbacks", "content_policy_fallbacks");

    private ModelRulesReader() {
    }

    /** The rules as written: the balancing strategy, and each fallback list's items (unresolved). */
    record Parsed(Balancing balancing, Map<String, List<Cursor>> lists) {
        boolean isDefault() {
            return balancing == Balancing.WEIGHTED && lists.values().stream().allMatch(List::isEmpty);
        }
    }

    static Parsed read(Fields f) {
        Balancing balancing = f.optional("balancing").map(ModelRulesReader::balancing).orElse(Balancing.WEIGHTED);
        Map<String, List<Cursor>> lists = new HashMap<>();
        for (String key : LISTS) {
            lists.put(key, f.optional(key).map(Cursor::items).orElse(List.of()));
        }
        return new Parsed(balancing, lists);
    }

    /** The rules with every fallback name resolved against the merged catalog. */
    static ModelReliability resolve(String modelId, Parsed parsed, List<ModelEntry> catalog) {
        Map<String, String> names = new HashMap<>();
        for (ModelEntry m : catalog) {
            m.aliases().forEach(a -> names.putIfAbsent(a, m.id()));
        }
        catalog.forEach(m -> names.put(m.id(), m.id()));
        List<List<String>> resolved = new ArrayList<>();
        for (String key : LISTS) {
            List<String> ids = new ArrayList<>();
            for (Cursor item : parsed.lists().get(key)) {
                String name = ModelReader.name(item);
                String id = names.get(name);
                if (id == null) {
                    throw item.error("unknown model '" + name + "'" + Suggest.closest(name, names.keySet())
                            .map(c -> "; did you mean '" + c + "'?").orElse(" (name a model by its id or an alias)"));
                }
                if (id.equals(modelId)) {
                    throw item.error("a model cannot fall back to itself");
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            resolved.add(ids);
        }
        return new ModelReliability(parsed.balancing(), resolved.get(0), resolved.get(1), resolved.get(2));
    }

    private static Balancing balancing(Cursor c) {
        String name = c.requiredText();
        Balancing b = Balancing.fromConfigName(name);
        if (b == null) {
            throw c.error("unknown balancing '" + name + "'" + Suggest.hint(name, Balancing.configNames()));
        }
        return b;
    }
}
