package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the gateway configuration: the YAML file (if any) with {@code ${VAR}} interpolation and strict
 * validation, the built-in model catalog, and providers discovered from the environment. Every problem is a
 * {@link ConfigException} that names the file, line, column and key path. The file format is documented in
 * {@code docs/configuration.md}.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads {@code fileOrNull} (null: no file, defaults plus environment only) against {@code env}, usually
     * {@code System.getenv()}. {@link GatewayConfig#sandbox()} is true when no real provider ends up configured.
     */
    public static GatewayConfig load(Path fileOrNull, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Cursor root = fileOrNull == null ? null : YamlDocument.read(fileOrNull, new Interpolator(env));
        return new ConfigAssembler(env).assemble(root);
    }

    /** The models Arbiter ships with ({@code arbiter/catalog.yaml}), immutable, parsed once. */
    public static List<ModelEntry> builtInCatalog() {
        return BuiltInCatalog.models();
    }
}
