package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.List;
import java.util.Objects;

/** A sandbox provider built from a catalog together with the catalog entries ({@code sandbox/<name>}) it serves. */
public record SandboxSetup(SandboxProvider provider, List<ModelEntry> models) {
    public SandboxSetup {
        Objects.requireNonNull(provider, "provider");
        models = List.copyOf(models);
    }
}
