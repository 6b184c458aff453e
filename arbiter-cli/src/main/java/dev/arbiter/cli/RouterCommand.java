package dev.arbiter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code arbiter router}: the quality model's offline tools (train the base, fit, predict, evaluate). */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "Train, fit and query the routing quality model.",
        subcommands = {RouterTrainBaseCommand.class, RouterFitCommand.class, RouterPredictCommand.class,
                RouterEvaluateCommand.class, RouterCvCommand.class})
final class RouterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
