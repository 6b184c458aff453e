package dev.arbiter.cli;

import dev.arbiter.core.config.ConfigException;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import dev.arbiter.core.ledger.CostQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import picocli.CommandLine;

/** What {@code costs} and {@code project} share: the run (config, ledger, exit codes) and reading dates (UTC). */
final class LedgerCommandSupport {
    private LedgerCommandSupport() {
    }

    /** Checks the command's input against the loaded config and says how to render from the ledger. */
    @FunctionalInterface
    interface Plan {
        Function<CostQuery, String> plan(GatewayConfig config);
    }

    /**
     * Loads the config, lets {@code plan} check the input (BadInput: exit 2), opens the ledger, prints what the plan
     * renders (exit 0) and closes the ledger; no storage or a failing store is exit 1.
     */
    static int run(String command, CommandLine.Model.CommandSpec spec, Path configFile, Plan plan) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CostQuery query = null;
        try {
            GatewayConfig config = config(configFile);
            Function<CostQuery, String> render = plan.plan(config);
            query = LedgerAccess.openCostQuery(config);
            out.print(render.apply(query));
            out.flush();
            return 0;
        } catch (BadInput e) {
            return fail(err, command, e.getMessage(), 2);
        } catch (RuntimeException e) { // no storage, or the store failed: not the caller's input
            return fail(err, command, e.getMessage() == null ? e.toString() : e.getMessage(), 1);
        } finally {
            LedgerAccess.release(query);
        }
    }

    private static int fail(PrintWriter err, String command, String message, int code) {
        err.println("arbiter " + command + ": " + message);
        err.flush();
        return code;
    }

    /** A bad command-line value or config: exit code 2 with one line. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static GatewayConfig config(Path file) {
        try {
            return ConfigLoader.load(file, System.getenv());
        } catch (ConfigException e) {
            throw new BadInput("invalid config: " + e.getMessage());
        }
    }

    /** A UTC date (its start) or a full ISO instant; {@code endOfDay} makes a date mean the start of the next day. */
    static Instant instant(String option, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new BadInput(option + " must be a date (2026-03-01) or an ISO instant (2026-03-01T00:00:00Z), got '"
                    + text + "'");
        }
    }
}
