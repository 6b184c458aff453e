package dev.arbiter.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.tenancy.KeyJson;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter keys list}: every key, newest first, as a table or JSON; never a secret or a hash. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List every key, newest first (revoked ones too).")
final class KeysListCommand extends KeysSubcommand {
    private static final String ROW = "%-20s  %-12s  %-12s  %-12s  %-20s  %-14s  %-18s  %-20s  %s%n";

    @Option(names = "--json", description = "Print JSON (the admin API's shape).")
    boolean json;

    @Override
    void execute(KeyStore store, PrintWriter out) {
        List<VirtualKey> keys = store.list();
        if (json) {
            ArrayNode data = Json.array();
            keys.forEach(k -> data.add(KeyJson.render(k)));
            ObjectNode body = Json.object().put("object", "list");
            body.set("data", data);
            out.println(json(body));
        } else if (keys.isEmpty()) {
            out.println("No keys yet; issue one with `arbiter keys create --user U --team T`.");
        } else {
            out.printf(ROW, "ID", "PREFIX", "USER", "TEAM", "MODELS", "BUDGET", "LIMITS", "CREATED", "STATUS");
            for (VirtualKey k : keys) {
                out.printf(ROW, k.id(), k.prefix(), k.user(), k.team(), models(k), budget(k), limits(k), k.createdAt(),
                        k.revoked() ? "revoked " + k.revokedAt() : "active");
            }
        }
        out.flush();
    }

    static String models(VirtualKey key) {
        return key.allowedModels().isEmpty() ? "any" : String.join(",", key.allowedModels());
    }

    static String budget(VirtualKey key) {
        return key.budget() == null ? "none"
                : "$" + KeyJson.plain(key.budget().usd()).toPlainString() + "/" + key.budget().period().label();
    }

    static String limits(VirtualKey key) {
        if (key.limits() == null) {
            return "none";
        }
        String rpm = key.limits().rpm() == null ? "" : key.limits().rpm() + " rpm";
        String tpm = key.limits().tpm() == null ? "" : key.limits().tpm() + " tpm";
        return rpm.isEmpty() || tpm.isEmpty() ? rpm + tpm : rpm + ", " + tpm;
    }
}
