package dev.arbiter.core.ingress.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.CacheBreakpoint;
import dev.arbiter.core.error.ArbiterException;
import java.util.Set;

/**
 * Reads Anthropic's {@code cache_control} ({@code {"type": "ephemeral", "ttl"?: "5m" | "1h"}}, the only kind the
 * Messages API defines) into a canonical {@link CacheBreakpoint}, refusing other types and TTLs by name.
 */
final class CacheControls {
    private CacheControls() {
    }

    /** The breakpoint on {@code parent} (a block, tool or the request), or null when it has no {@code cache_control}. */
    static CacheBreakpoint read(JsonNode parent, String prefix) {
        JsonNode node = Fields.optional(parent, "cache_control");
        if (node == null) {
            return null;
        }
        String at = prefix + "cache_control";
        ObjectNode control = Fields.object(node, at);
        Fields.onlyKnown(control, Set.of("type", "ttl"), at + ".");
        String type = Fields.string(Fields.required(control, "type", at + ".type"), at + ".type");
        if (!"ephemeral".equals(type)) {
            throw ArbiterException.invalid(at + ".type", at + ".type must be 'ephemeral', got '" + type + "'");
        }
        JsonNode ttl = Fields.optional(control, "ttl");
        if (ttl == null) {
            return CacheBreakpoint.EPHEMERAL;
        }
        String value = Fields.string(ttl, at + ".ttl");
        if (!CacheBreakpoint.TTLS.contains(value)) {
            throw ArbiterException.invalid(at + ".ttl", at + ".ttl must be '5m' or '1h', got '" + value + "'");
        }
        return new CacheBreakpoint(value);
    }
}
