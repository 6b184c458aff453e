package dev.arbiter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code arbiter <args>} in-process with its standard output and error captured into the given writers. */
final class CliRun {
    private CliRun() {
    }

    static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ArbiterCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
