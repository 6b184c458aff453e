package dev.arbiter.server;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.TokenCount;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.gateway.Gateway;
import dev.arbiter.core.ingress.anthropic.AnthropicIngress;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.tenancy.Principal;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Anthropic's Token Counting API ({@code POST /v1/messages/count_tokens}): the caller's key is checked before the
 * body is read, the body is validated as a Messages body less {@code max_tokens}, and the answer is
 * {@code {"input_tokens": N}} with {@value #COUNT_KIND} saying whether the model's upstream counted it
 * ({@code exact}) or Arbiter estimated it ({@code estimate}). Errors come in Anthropic's shape. A count is not an
 * exchange: no ledger row, no budget charge, no metrics.
 */
final class CountTokensEndpoint implements Handler {
    static final String PATH = "/v1/messages/count_tokens";
    static final String COUNT_KIND = "x-arbiter-token-count";
    private static final HeaderName COUNT_KIND_NAME = HeaderNames.create(COUNT_KIND);

    private final AnthropicIngress format;
    private final Gateway gateway;
    private final BodyReader bodyReader;
    private final ErrorWriter errors;

    CountTokensEndpoint(AnthropicIngress format, Gateway gateway, BodyReader bodyReader) {
        this.format = format;
        this.gateway = gateway;
        this.bodyReader = bodyReader;
        this.errors = new ErrorWriter(format);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        try {
            RequestMeta meta = new RequestMeta(ChatEndpoint.headers(req), "anthropic", System.nanoTime());
            Principal principal = gateway.admit(meta); // 401 before the body is even read
            ChatRequest request = format.parseCountRequest(bodyReader.read(req), meta.headers());
            TokenCount count = gateway.countTokens(request, principal);
            res.header(COUNT_KIND_NAME, count.exact() ? "exact" : "estimate");
            res.header(HeaderValues.CONTENT_TYPE_JSON);
            res.send(Json.bytes(Json.object().put("input_tokens", count.inputTokens())));
        } catch (ArbiterException e) {
            errors.send(res, e);
        } catch (RuntimeException e) {
            errors.sendUnexpected(res, e);
        }
    }
}
