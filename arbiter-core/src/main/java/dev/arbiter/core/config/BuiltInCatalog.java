package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The model catalog shipped as {@code arbiter/catalog.yaml} on the classpath, parsed once by the same rules as config models. */
final class BuiltInCatalog {
    static final String RESOURCE = "arbiter/catalog.yaml";

    private BuiltInCatalog() {
    }

    static List<ModelEntry> models() {
        return Holder.MODELS;
    }

    /** Parses catalog YAML text; package-visible so tests can feed a broken catalog. */
    static List<ModelEntry> parse(String label, String text) {
        Cursor root = YamlDocument.parse(label, text, Interpolator.none());
        Fields f = root.fields(Set.of("models"));
        List<ModelsSection.Parsed> parsed = ModelsSection.read(f.required("models"), KnownProviders.ids());
        return ModelsSection.merge(List.of(), parsed);
    }

    private static List<ModelEntry> load() {
        try (InputStream in = BuiltInCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse("classpath:" + RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in catalog " + RESOURCE, e);
        }
    }

    /** Lazy holder: the catalog is parsed on first use, once per class loader. */
    private static final class Holder {
        static final List<ModelEntry> MODELS = load();
    }
}
