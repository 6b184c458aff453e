package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.ledger.Projection;
import dev.arbiter.core.ledger.ProjectionJson;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter project}: projects spend per team and per route for the coming months from the ledger's recent
 * daily spend at a growth factor, and the date each budget would run out. Bad input: exit code 2; no ledger
 * storage: exit code 1.
 */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Project spend per team and route, and when each budget runs out (UTC).")
final class ProjectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--growth", paramLabel = "FACTOR", defaultValue = "1x",
            description = "Traffic growth reached by the last month, compounding monthly: 3x, 1.5 (default: ${DEFAULT-VALUE}).")
    String growth;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "Months to project (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--lookback-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Days of recorded spend the current rate is taken from (default: ${DEFAULT-VALUE}).")
    int lookbackDays;

    @Option(names = "--json", description = "Print the projection as JSON.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (storage and budgets).")
    Path config;

    @Override
    public Integer call() {
        return LedgerCommandSupport.run("project", spec, config, gatewayConfig -> {
            Projection.Settings settings = settings();
            List<Projection.Budget> budgets = LedgerAccess.budgets(gatewayConfig);
            return query -> {
                LocalDate asOf = LocalDate.now(LedgerAccess.clock().withZone(ZoneOffset.UTC));
                Projection.Result result = Projection.project(daily(query, asOf, settings, budgets), asOf, settings,
                        budgets);
                return json ? ProjectionJson.text(result) + System.lineSeparator() : ProjectionText.render(result);
            };
        });
    }

    private Projection.Settings settings() {
        String factor = growth.strip();
        if (factor.endsWith("x") || factor.endsWith("X")) {
            factor = factor.substring(0, factor.length() - 1);
        }
        double g;
        try {
            g = Double.parseDouble(factor);
        } catch (NumberFormatException e) {
            throw new LedgerCommandSupport.BadInput("--growth must be a factor such as 3x or 1.5, got '" + growth + "'");
        }
        try {
            return new Projection.Settings(months, g, lookbackDays);
        } catch (IllegalArgumentException e) {
            throw new LedgerCommandSupport.BadInput(e.getMessage());
        }
    }

    private static Map<GroupBy, List<CostQuery.DailySpend>> daily(CostQuery query, LocalDate asOf,
                                                                   Projection.Settings settings,
                                                                   List<Projection.Budget> budgets) {
        Instant from = Projection.historyStart(asOf, settings, budgets).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<GroupBy, List<CostQuery.DailySpend>> out = new EnumMap<>(GroupBy.class);
        for (GroupBy by : Projection.needed(budgets)) {
            out.put(by, query.daily(by, from, to));
        }
        return out;
    }
}
