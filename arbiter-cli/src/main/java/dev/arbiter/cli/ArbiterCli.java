package dev.arbiter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code arbiter} command: one subcommand per job, all over the same engine. */
@Command(name = "arbiter", mixinStandardHelpOptions = true, version = "arbiter 0.1.0",
        description = "Multi-model LLM routing gateway.",
        subcommands = {ServeCommand.class, RouterCommand.class, ReplayCommand.class, KeysCommand.class,
                CostsCommand.class, ProjectCommand.class})
public final class ArbiterCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Held so the logging levels set on them are not lost to garbage collection. */
    private static final java.util.List<java.util.logging.Logger> QUIETED = java.util.stream.Stream.of(
            "io.helidon", "com.zaxxer.hikari", "org.flywaydb", "io.lettuce", "io.netty")
            .map(java.util.logging.Logger::getLogger).toList();

    public static void main(String[] args) {
        // Libraries' start-up chatter (feature lists, pool starts) is noise for a gateway's operator.
        QUIETED.forEach(log -> log.setLevel(java.util.logging.Level.WARNING));
        StoredData.register();
        System.exit(new CommandLine(new ArbiterCli()).execute(args));
    }
}
