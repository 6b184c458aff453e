package dev.arbiter.cli;

import dev.arbiter.core.routing.quality.QualityInputException;
import dev.arbiter.core.routing.replay.ReplayException;
import java.util.concurrent.Callable;

/** Shared shape of the {@code arbiter router} subcommands: bad input is exit code 2 with one line on stderr. */
abstract class RouterSubcommand implements Callable<Integer> {
    @Override
    public final Integer call() throws Exception {
        try {
            execute();
            return 0;
        } catch (QualityInputException | ReplayException e) {
            System.err.println("arbiter: " + e.getMessage());
            return 2;
        }
    }

    abstract void execute() throws Exception;
}
