package dev.arbiter.core.tenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON form of a key, shared by the admin API and {@code arbiter keys}: id, prefix, user, team, models, budget,
 * limits, created_at, revoked_at; never the hash, and the secret only in the answer that issues it.
 */
public final class KeyJson {
    private KeyJson() {
    }

    /** A stored key (no secret). */
    public static ObjectNode render(VirtualKey key) {
        return fields(Json.object(), key);
    }

    /** A key just issued: {@code key} (the secret, shown this once) first, then the stored fields. */
    public static ObjectNode render(IssuedKey issued) {
        return fields(Json.object().put("key", issued.secret()), issued.key());
    }

    private static ObjectNode fields(ObjectNode out, VirtualKey key) {
        out.put("id", key.id()).put("prefix", key.prefix()).put("user", key.user()).put("team", key.team());
        key.allowedModels().forEach(out.putArray("models")::add);
        if (key.budget() == null) {
            out.putNull("budget");
        } else {
            out.putObject("budget").put("usd", plain(key.budget().usd())).put("period", key.budget().period().label());
        }
        if (key.limits() == null) {
            out.putNull("limits");
        } else {
            ObjectNode limits = out.putObject("limits");
            limits.put("rpm", key.limits().rpm());
            limits.put("tpm", key.limits().tpm());
        }
        out.put("created_at", iso(key.createdAt()));
        out.put("revoked_at", iso(key.revokedAt()));
        return out;
    }

    /** Without an exponent (50, not 5E+1), so every JSON reader shows the amount as written. */
    public static BigDecimal plain(BigDecimal usd) {
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
