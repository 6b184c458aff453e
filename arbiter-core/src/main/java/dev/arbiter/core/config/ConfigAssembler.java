package dev.arbiter.core.config;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.limits.LimitsConfig;
import dev.arbiter.core.reliability.ReliabilityConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a parsed config root (or none) plus the environment into a {@link GatewayConfig}. */
final class ConfigAssembler {
    private static final Set<String> TOP_KEYS = topKeys();
    private static final Set<String> CATALOG_KEYS = Set.of("include_builtin");

    private final EnvDiscovery env;
    private final Map<String, String> variables;

    ConfigAssembler(Map<String, String> env) {
        this.env = new EnvDiscovery(env);
        this.variables = env;
    }

    private static Set<String> topKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("server", "providers", "models", "catalog", "routing",
                "routes", "reliability", "auth", "storage", "ledger"));
        keys.addAll(LimitsSection.TOP_KEYS);
        return Set.copyOf(keys);
    }

    GatewayConfig assemble(Cursor root) {
        if (root == null || root.isNull()) {
            return finish(ServerConfig.DEFAULTS, List.of(), List.of(), true, Routing.NONE, ReliabilityConfig.DEFAULTS)
                    .withTenancy(new TenancyConfig(AuthSection.read(null, variables),
                            StorageSection.read(null, variables), LedgerConfig.DEFAULTS, LimitsConfig.DEFAULTS));
        }
        Fields f = root.fields(TOP_KEYS);
        ServerConfig server = f.optional("server").map(ServerSection::read).orElse(ServerConfig.DEFAULTS);
        List<ProviderConfig> providers = f.optional("providers")
                .map(new ProvidersSection(env)::read).orElse(List.of());
        Set<String> referable = new LinkedHashSet<>();
        providers.forEach(p -> referable.add(p.id()));
        referable.addAll(KnownProviders.ids());
        List<ModelsSection.Parsed> models = f.optional("models")
                .map(c -> ModelsSection.read(c, referable)).orElse(List.of());
        boolean includeBuiltin = f.optional("catalog").map(ConfigAssembler::includeBuiltin).orElse(true);
        List<RoutesSection.Parsed> routes = f.optional("routes").map(RoutesSection::read).orElse(List.of());
        RoutingConfig routing = RoutingSection.read(f.optional("routing").orElse(null),
                routes.stream().map(RoutesSection.Parsed::route).toList());
        ReliabilityConfig reliability = f.optional("reliability").map(ReliabilitySection::read)
                .orElse(ReliabilityConfig.DEFAULTS);
        GatewayConfig config = finish(server, providers, models, includeBuiltin, new Routing(routing, routes), reliability);
        return config.withTenancy(tenancy(f, config.models()));
    }

    private TenancyConfig tenancy(Fields f, List<ModelEntry> catalog) {
        AuthConfig auth = AuthSection.read(f.optional("auth").orElse(null), variables);
        StorageConfig storage = StorageSection.read(f.optional("storage").orElse(null), variables);
        Optional<Cursor> ledgerSection = f.optional("ledger");
        LedgerConfig ledger = ledgerSection.map(LedgerSection::read).orElse(LedgerConfig.DEFAULTS);
        ledgerSection.ifPresent(c -> LedgerSection.checkModels(c, catalog));
        return new TenancyConfig(auth, storage, ledger, LimitsSection.read(f));
    }

    /** The routing sections as read, with the routes' cursors for checks against the merged catalog. */
    private record Routing(RoutingConfig config, List<RoutesSection.Parsed> routes) {
        static final Routing NONE = new Routing(RoutingConfig.DEFAULTS, List.of());
    }

    private GatewayConfig finish(ServerConfig server, List<ProviderConfig> configured,
            List<ModelsSection.Parsed> models, boolean includeBuiltin, Routing routing, ReliabilityConfig reliability) {
        List<ProviderConfig> providers = new ArrayList<>(configured);
        providers.addAll(env.discover(configured.stream().map(ProviderConfig::id).collect(Collectors.toSet())));
        List<ModelEntry> base = includeBuiltin ? BuiltInCatalog.models() : List.of();
        List<ModelEntry> merged = ModelsSection.merge(base, models);
        RoutesSection.checkModels(routing.routes(), merged);
        boolean sandbox = providers.stream().allMatch(p -> p.type() == ProviderType.SANDBOX);
        return new GatewayConfig(server, providers, merged, sandbox, routing.config(),
                reliability.withModels(ModelsSection.rules(models, merged)));
    }

    private static boolean includeBuiltin(Cursor c) {
        return c.fields(CATALOG_KEYS).optional("include_builtin").map(Cursor::bool).orElse(true);
    }
}
