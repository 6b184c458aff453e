package dev.arbiter.server;

import dev.arbiter.core.observe.ExchangeListener;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the serving process adds around the engine: the admin API (a disabled one answers 403 saying how to enable
 * it), a listener that hears every finished request besides the metrics (the cost ledger), and extra counters to
 * publish on {@code /metrics} (name → current value, e.g. ledger rows dropped, Redis outages).
 */
public record ServerAddons(AdminApi admin, ExchangeListener listener, Map<String, Count> counters) {
    /** A monotonically growing count kept elsewhere, with the help text /metrics shows for it. */
    public record Count(String description, LongSupplier value) {
    }

    public static final ServerAddons NONE = new ServerAddons(AdminApi.disabled(), ExchangeListener.NONE, Map.of());

    public ServerAddons {
        admin = admin == null ? AdminApi.disabled() : admin;
        listener = listener == null ? ExchangeListener.NONE : listener;
        counters = Map.copyOf(counters == null ? Map.of() : counters);
    }
}
