package dev.arbiter.core.provider;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import java.util.List;
import java.util.Map;

/**
 * Pure translation between Arbiter's canonical chat form and one vendor's wire format. No I/O: the shared
 * transport sends what {@link #encode} builds and feeds back bytes and events. A request field the vendor
 * cannot express makes {@link #encode} throw {@link ArbiterException#unsupported} naming it.
 */
public interface ProviderCodec {

    /** Builds the upstream HTTP request; {@code request.model()} is already the upstream's model name. */
    UpstreamRequest encode(ChatRequest request, UpstreamSettings settings);

    /** Decodes a 2xx non-streamed response body. Throws PROVIDER_BAD_RESPONSE on a body it cannot read. */
    ChatResponse decodeResponse(byte[] body);

    /** A fresh, stateful decoder for one streamed response. */
    StreamDecoder newStreamDecoder();

    /** Maps a non-2xx upstream reply (status, headers with lower-case names, body) to an Arbiter error. */
    ArbiterException decodeError(int status, Map<String, List<String>> headers, byte[] body);
}
