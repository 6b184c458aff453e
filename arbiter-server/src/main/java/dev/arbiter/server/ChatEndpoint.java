package dev.arbiter.server;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.gateway.Gateway;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import io.helidon.http.Header;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One chat API (OpenAI Chat Completions or Anthropic Messages): reads and parses the caller's body, runs the
 * gateway, and writes the answer, stream or error back in the caller's format with Arbiter's headers.
 */
final class ChatEndpoint implements Handler {
    private final String api;
    private final IngressFormat format;
    private final Gateway gateway;
    private final BodyReader bodyReader;
    private final ErrorWriter errors;

    ChatEndpoint(String api, IngressFormat format, Gateway gateway, BodyReader bodyReader) {
        this.api = api;
        this.format = format;
        this.gateway = gateway;
        this.bodyReader = bodyReader;
        this.errors = new ErrorWriter(format);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long received = System.nanoTime();
        Trace trace = new Trace();
        try {
            ChatRequest request = format.parseRequest(bodyReader.read(req));
            Exchange exchange = new Exchange(request, new RequestMeta(headers(req), api, received), trace);
            switch (gateway.handle(exchange)) {
                case Outcome.Completed done -> sendComplete(res, trace, received, done.response());
                case Outcome.Streaming streaming -> new StreamResponder(format, trace, received)
                        .send(res, streaming.stream(), request.includeUsage());
            }
        } catch (ArbiterException e) {
            if (trace.model() != null || trace.route() != null) {
                ArbiterHeaders.writeRouting(res, trace, received);
            }
            errors.send(res, e);
        } catch (RuntimeException e) {
            errors.sendUnexpected(res, e);
        }
    }

    private void sendComplete(ServerResponse res, Trace trace, long received, ChatResponse response) {
        byte[] body = format.renderResponse(response, trace.model().id());
        ArbiterHeaders.writeRouting(res, trace, received);
        res.header(ArbiterHeaders.COST, ArbiterHeaders.cost(trace, response.usage()));
        res.header("Content-Type", "application/json");
        res.send(body);
    }

    private static Map<String, String> headers(ServerRequest req) {
        Map<String, String> map = new HashMap<>();
        for (Header h : req.headers()) {
            map.put(h.name().toLowerCase(Locale.ROOT), h.get());
        }
        return map;
    }
}
