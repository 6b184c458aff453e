package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the {@code ledger} mapping ({@code enabled}, {@code flush_interval_ms}, {@code batch_size},
 * {@code queue_capacity}, {@code baseline_model}); absent keys keep {@link LedgerConfig#DEFAULTS}. Once the catalog
 * is merged, {@link #checkModels} makes sure the baseline model exists.
 */
final class LedgerSection {
    static final Set<String> KEYS = Set.of("enabled", "flush_interval_ms", "batch_size", "queue_capacity",
            "baseline_model");
    private static final long MAX_FLUSH_MS = 3_600_000;
    private static final int MAX_BATCH = 100_000;
    private static final int MAX_QUEUE = 10_000_000;

    private LedgerSection() {
    }

    static LedgerConfig read(Cursor c) {
        Fields f = c.fields(KEYS);
        LedgerConfig d = LedgerConfig.DEFAULTS;
        boolean enabled = f.optional("enabled").map(Cursor::bool).orElse(d.enabled());
        Duration flush = f.optional("flush_interval_ms")
                .map(v -> Duration.ofMillis(between(v, 1, MAX_FLUSH_MS))).orElse(d.flushInterval());
        int batch = f.optional("batch_size").map(v -> (int) between(v, 1, MAX_BATCH)).orElse(d.batchSize());
        int queue = f.optional("queue_capacity").map(v -> queue(v, batch)).orElse(Math.max(d.queueCapacity(), batch));
        String baseline = f.optional("baseline_model").map(ModelReader::name).orElse(null);
        return new LedgerConfig(enabled, flush, batch, queue, baseline);
    }

    /** The baseline model, when set, must be a model of the merged catalog (an id or an alias). */
    static void checkModels(Cursor section, Collection<ModelEntry> catalog) {
        Cursor baseline = section.fields(KEYS).optional("baseline_model").orElse(null);
        if (baseline == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (ModelEntry m : catalog) {
            names.add(m.id());
            names.addAll(m.aliases());
        }
        String name = baseline.requiredText();
        if (!names.contains(name)) {
            throw baseline.error("unknown model '" + name + "'" + Suggest.hint(name, names));
        }
    }

    private static int queue(Cursor c, int batch) {
        int value = (int) between(c, 1, MAX_QUEUE);
        if (value < batch) {
            throw c.error("queue_capacity (" + value + ") must be at least batch_size (" + batch + ")");
        }
        return value;
    }

    private static long between(Cursor c, long min, long max) {
        long value = c.longValue();
        if (value < min || value > max) {
            throw c.error("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
