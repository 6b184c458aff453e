package dev.arbiter.cli;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeyJson;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter keys create}: issues a virtual key and prints its secret, which is shown this once. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a virtual key (its secret is printed once).")
final class KeysCreateCommand extends KeysSubcommand {
    @Option(names = "--user", required = true, description = "The user the key belongs to.")
    String user;

    @Option(names = "--team", required = true, description = "The team the key belongs to.")
    String team;

    @Option(names = "--budget-usd", paramLabel = "USD", description = "The key's own budget in US dollars (zero or more).")
    BigDecimal budgetUsd;

    @Option(names = "--budget-period", paramLabel = "PERIOD", description = "day, week or month (default month).")
    String budgetPeriod;

    @Option(names = "--models", split = ",", paramLabel = "NAME", description = "Models or routes it may call, comma-separated (default: any).")
    List<String> models;

    @Option(names = "--rpm", description = "The key's requests per minute.")
    Long rpm;

    @Option(names = "--tpm", description = "The key's tokens per minute.")
    Long tpm;

    @Option(names = "--json", description = "Print the key as JSON (the admin API's shape).")
    boolean json;

    private KeySpec keySpec;

    @Override
    void validate() {
        if (user.isBlank() || team.isBlank()) {
            throw new BadInput("--user and --team must not be empty");
        }
        if (budgetPeriod != null && budgetUsd == null) {
            throw new BadInput("--budget-period needs --budget-usd");
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new BadInput("--budget-usd must be zero or more, got " + budgetUsd.toPlainString());
        }
        if ((rpm != null && rpm <= 0) || (tpm != null && tpm <= 0)) {
            throw new BadInput("--rpm and --tpm must be positive (leave one out for no limit)");
        }
        List<String> allowed = models == null ? List.of()
                : models.stream().map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        BudgetSpec budget = budgetUsd == null ? null : new BudgetSpec(budgetUsd, period());
        RateLimitSpec limits = rpm == null && tpm == null ? null : new RateLimitSpec(rpm, tpm);
        keySpec = new KeySpec(user.strip(), team.strip(), allowed, budget, limits);
    }

    private Period period() {
        if (budgetPeriod == null) {
            return Period.MONTH;
        }
        String label = budgetPeriod.strip().toLowerCase(Locale.ROOT);
        for (Period p : Period.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new BadInput("--budget-period must be day, week or month, got '" + budgetPeriod + "'");
    }

    @Override
    void execute(KeyStore store, PrintWriter out) {
        IssuedKey issued = store.create(keySpec);
        if (json) {
            out.println(json(KeyJson.render(issued)));
        } else {
            VirtualKey key = issued.key();
            out.println("Issued key " + key.id() + " for user " + key.user() + ", team " + key.team() + ".");
            out.println("  key:    " + issued.secret());
            out.println("          (shown only now: store it safely, it cannot be shown again)");
            out.println("  prefix: " + key.prefix());
            out.println("  models: " + KeysListCommand.models(key));
            out.println("  budget: " + KeysListCommand.budget(key));
            out.println("  limits: " + KeysListCommand.limits(key));
        }
        out.flush();
    }
}
