package dev.arbiter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter keys}: issue, list and revoke virtual keys in the gateway's key store. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Issue, list and revoke virtual keys (in the store named by the config's storage section).",
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
