package dev.arbiter.core.provider;

import dev.arbiter.core.chat.ChatRequest;

/**
 * The optional part of a {@link ProviderCodec} whose vendor counts a request's input tokens exactly without
 * running it (Anthropic's Token Counting API). Pure like the codec: the transport sends what {@link #encodeCount}
 * builds, a 2xx body comes back to {@link #decodeCount}, and any other reply goes to the codec's
 * {@link ProviderCodec#decodeError}, as for a chat call.
 */
public interface TokenCountCodec {

    /** Builds the count request; {@code request.model()} is already the upstream's model name. */
    UpstreamRequest encodeCount(ChatRequest request, UpstreamSettings settings);

    /** The input tokens a 2xx count body reports. Throws PROVIDER_BAD_RESPONSE on a body it cannot read. */
    int decodeCount(byte[] body);
}
