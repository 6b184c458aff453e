package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.ledger.CostReport;
import dev.arbiter.core.ledger.CostReportJson;
import dev.arbiter.core.ledger.GroupBy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter costs}: spend, tokens, requests and savings against the baseline from the ledger, grouped by key,
 * user, team, model, route or task type, as a table or the admin API's JSON. Bad input: exit code 2 and one line
 * on stderr; no ledger storage: exit code 1.
 */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = "Report spend and savings from the ledger (times are UTC).")
final class CostsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "team",
            description = "key, user, team, model, route or task (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (or ISO instant) included (default: the first of this month).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day included, or an ISO instant excluded (default: today).")
    String to;

    @Option(names = "--json", description = "Print the report as JSON (the shape of GET /admin/costs).")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (its storage section says where the ledger is).")
    Path config;

    @Override
    public Integer call() {
        return LedgerCommandSupport.run("costs", spec, config, gatewayConfig -> {
            GroupBy groupBy = groupBy(by);
            LocalDate today = LocalDate.now(LedgerAccess.clock().withZone(ZoneOffset.UTC));
            Instant start = from == null ? today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : LedgerCommandSupport.instant("--from", from, false);
            Instant end = to == null ? today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : LedgerCommandSupport.instant("--to", to, true);
            if (!start.isBefore(end)) {
                throw new LedgerCommandSupport.BadInput("--from (" + start + ") must be before --to (" + end + ")");
            }
            return query -> {
                CostReport report = query.costs(groupBy, start, end);
                return json ? CostReportJson.text(report) + System.lineSeparator() : CostTable.render(report);
            };
        });
    }

    static GroupBy groupBy(String name) {
        for (GroupBy g : GroupBy.values()) {
            if (g.label().equals(name.toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new LedgerCommandSupport.BadInput("--by must be one of "
                + Arrays.stream(GroupBy.values()).map(GroupBy::label).collect(Collectors.joining(", "))
                + ", got '" + name + "'");
    }
}
