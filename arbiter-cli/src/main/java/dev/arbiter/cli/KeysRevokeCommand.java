package dev.arbiter.cli;

import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code arbiter keys revoke}: revokes a key by id or prefix (exit 1 when there is no such key). */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id or prefix.")
final class KeysRevokeCommand extends KeysSubcommand {
    @Parameters(paramLabel = "ID-OR-PREFIX", description = "The key's id (key_…) or prefix (sk-arb-…, 12 characters).")
    String idOrPrefix;

    @Override
    void execute(KeyStore store, PrintWriter out) {
        VirtualKey key = store.revoke(idOrPrefix.strip()).orElseThrow(() -> new Failed("no key has the id or prefix '"
                + idOrPrefix + "' (`arbiter keys list` shows them)"));
        out.println("Revoked key " + key.id() + " (" + key.prefix() + "…, user " + key.user() + ", team " + key.team()
                + ") at " + key.revokedAt() + ".");
        out.println("Running gateways refuse it within their auth.key_cache_ms (default 5 s).");
        out.flush();
    }
}
