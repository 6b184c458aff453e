package dev.arbiter.core.chat;

import java.util.Set;

/**
 * A prompt-caching breakpoint a caller placed on a system block, message block, tool result or tool definition
 * (Anthropic's {@code cache_control: {"type": "ephemeral", "ttl"?}}): "cache the prompt prefix up to and including
 * this item". {@code ttl} is {@code "5m"}, {@code "1h"} or null for the vendor's default.
 *
 * <p>It is a hint about cost and latency, never about the answer: an upstream with explicit breakpoints (Anthropic)
 * receives it exactly as sent; upstreams that cache prefixes on their own (OpenAI, OpenAI-compatible hosts) or only
 * through separately created cached contents (Gemini) do not receive it, and the answer is the same either way.
 */
public record CacheBreakpoint(String ttl) {
    /** The TTL values Anthropic documents. */
    public static final Set<String> TTLS = Set.of("5m", "1h");
    /** A breakpoint with the vendor's default lifetime. */
    public static final CacheBreakpoint EPHEMERAL = new CacheBreakpoint(null);

    public CacheBreakpoint {
        if (ttl != null && !TTLS.contains(ttl)) {
            throw new IllegalArgumentException("cache ttl must be one of " + TTLS + ", got '" + ttl + "'");
        }
    }
}
