package dev.arbiter.core.chat;

/**
 * Token usage in OpenAI's convention: {@code inputTokens} counts every prompt token, cached ones included
 * ({@code cachedInputTokens} read from a cache, {@code cacheWriteTokens} written to one, both subsets);
 * {@code outputTokens} counts every generated token, reasoning ones included ({@code reasoningTokens} a subset).
 * Codecs for vendors with other conventions convert into this one.
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens, long cacheWriteTokens) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    public static Usage of(long input, long output) {
        return new Usage(input, output, 0, 0, 0);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
