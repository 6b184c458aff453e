package dev.arbiter.cli;

import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.Projection;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@code arbiter costs} and {@code arbiter project} get the ledger and the budgets from: the storage module
 * registers how to open a {@link CostQuery} from the config ({@link #useCostQuery}; a query that is also
 * {@link AutoCloseable} is closed after use) and how to list the budgets to project ({@link #useBudgets}). Until
 * then the commands say that no ledger storage is available.
 */
public final class LedgerAccess {
    private static final Function<GatewayConfig, CostQuery> NO_STORAGE = config -> {
        throw new IllegalStateException("no ledger storage is available in this build (configure `storage`"
                + " and use the arbiter.jar that includes arbiter-store)");
    };
    private static volatile Function<GatewayConfig, CostQuery> costQuery = NO_STORAGE;
    private static volatile Function<GatewayConfig, List<Projection.Budget>> budgets = config -> List.of();
    private static volatile Clock clock = Clock.systemUTC();

    private LedgerAccess() {
    }

    /** Opens the ledger for reading from the loaded config (throw IllegalStateException with a clear reason). */
    public static void useCostQuery(Function<GatewayConfig, CostQuery> opener) {
        costQuery = Objects.requireNonNull(opener);
    }

    /** The budgets {@code arbiter project} reports run-out dates for (config budgets, key budgets, ...). */
    public static void useBudgets(Function<GatewayConfig, List<Projection.Budget>> lister) {
        budgets = Objects.requireNonNull(lister);
    }

    static CostQuery openCostQuery(GatewayConfig config) {
        return costQuery.apply(config);
    }

    static List<Projection.Budget> budgets(GatewayConfig config) {
        return budgets.apply(config);
    }

    static Clock clock() {
        return clock;
    }

    /** For tests: a fixed "now". */
    static void useClock(Clock fixed) {
        clock = Objects.requireNonNull(fixed);
    }

    /** For tests: back to no storage, no budgets and the system clock. */
    static void reset() {
        costQuery = NO_STORAGE;
        budgets = config -> List.of();
        clock = Clock.systemUTC();
    }

    /** Closes the query if it holds resources (a connection pool); a failing close is not the report's problem. */
    static void release(CostQuery query) {
        if (query instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the report is already printed
            }
        }
    }
}
