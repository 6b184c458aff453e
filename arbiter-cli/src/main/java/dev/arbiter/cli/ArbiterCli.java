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

    /** Held so the logging level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger HELIDON_LOG = java.util.logging.Logger.getLogger("io.helidon");

    public static void main(String[] args) {
        // Helidon's start-up chatter (feature lists, preview notices) is noise for a gateway's operator.
        HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(new CommandLine(new ArbiterCli()).execute(args));
    }
}
