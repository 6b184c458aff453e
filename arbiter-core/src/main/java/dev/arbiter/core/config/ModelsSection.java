package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.reliability.ModelReliability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code models} list, checking ids are unique and providers exist, and merges it over a base catalog:
 * an entry with a base entry's id replaces it, others are appended, and no id or alias may name two models.
 */
final class ModelsSection {
    /** A model as read, with its reliability rules and the cursors needed to point at it in later errors. */
    record Parsed(ModelEntry entry, Cursor idCursor, List<Cursor> aliasCursors, ModelRulesReader.Parsed rules) {
    }

    private ModelsSection() {
    }

    /** Every model in the list; {@code providerIds} are the provider ids a model may refer to. */
    static List<Parsed> read(Cursor list, Collection<String> providerIds) {
        List<Parsed> out = new ArrayList<>();
        Map<String, Cursor> seen = new HashMap<>();
        for (Cursor item : list.items()) {
            Fields f = item.fields(ModelReader.KEYS);
            List<DeploymentsReader.Parsed> deployments = DeploymentsReader.read(f, ModelReader.defaultUpstream(f));
            ModelEntry entry = ModelReader.read(f, deployments);
            Cursor idCursor = f.required("id");
            Cursor first = seen.putIfAbsent(entry.id(), idCursor);
            if (first != null) {
                throw idCursor.error("duplicate model id '" + entry.id() + "' (first defined at " + first.path()
                        + ", line " + first.line() + ")");
            }
            for (DeploymentsReader.Parsed d : deployments) {
                String provider = d.deployment().provider();
                if (!providerIds.contains(provider)) {
                    throw d.providerCursor().error("unknown provider '" + provider + "'" + Suggest.hint(provider, providerIds));
                }
            }
            List<Cursor> aliases = f.optional("aliases").map(Cursor::items).orElse(List.of());
            out.add(new Parsed(entry, idCursor, aliases, ModelRulesReader.read(f)));
        }
        return out;
    }

    /** Each config model's reliability rules with fallback names resolved against the merged catalog (defaults left out). */
    static Map<String, ModelReliability> rules(List<Parsed> parsed, List<ModelEntry> merged) {
        Map<String, ModelReliability> out = new HashMap<>();
        for (Parsed p : parsed) {
            if (!p.rules().isDefault()) {
                out.put(p.entry().id(), ModelRulesReader.resolve(p.entry().id(), p.rules(), merged));
            }
        }
        return out;
    }

    /** The base catalog with {@code overrides} applied, in base order then new entries in config order. */
    static List<ModelEntry> merge(List<ModelEntry> base, List<Parsed> overrides) {
        Map<String, ModelEntry> merged = new LinkedHashMap<>();
        base.forEach(m -> merged.put(m.id(), m));
        overrides.forEach(p -> merged.put(p.entry().id(), p.entry()));
        Map<String, Claim> owners = new HashMap<>();
        // Config entries claim their names first so a clash is reported at the config line that caused it.
        for (Parsed p : overrides) {
            claim(owners, p.entry().id(), new Claim(p.entry().id(), p.idCursor()));
            for (int i = 0; i < p.aliasCursors().size(); i++) {
                claim(owners, p.entry().aliases().get(i), new Claim(p.entry().id(), p.aliasCursors().get(i)));
            }
        }
        for (ModelEntry m : merged.values()) {
            claim(owners, m.id(), new Claim(m.id(), null));
            m.aliases().forEach(a -> claim(owners, a, new Claim(m.id(), null)));
        }
        return List.copyOf(merged.values());
    }

    /** A model id claiming a name, and where in the config it did (null for base entries). */
    private record Claim(String modelId, Cursor at) {
    }

    private static void claim(Map<String, Claim> owners, String name, Claim claim) {
        Claim first = owners.putIfAbsent(name, claim);
        if (first == null || first.modelId().equals(claim.modelId())) {
            return;
        }
        Claim config = claim.at() != null ? claim : first;
        Claim other = config == claim ? first : claim;
        String problem = "'" + name + "' already names model " + other.modelId() + "; ids and aliases must be unique";
        if (config.at() == null) {
            throw new IllegalStateException("base catalog: " + problem); // the base is validated when built
        }
        throw config.at().error(problem);
    }
}
