package dev.arbiter.server;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.gateway.Gateway;
import dev.arbiter.core.ingress.IngressFormat;
import dev.arbiter.core.ledger.RequestIds;
import dev.arbiter.core.observe.ExchangeListener;
import dev.arbiter.core.observe.ExchangeReport;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.pipeline.Trace;
import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One chat API (OpenAI Chat Completions or Anthropic Messages): reads and parses the caller's body, runs the
 * gateway, and writes the answer, stream or error back in the caller's format with Arbiter's headers. Once it is
 * all sent (for a stream, at its end) the exchange listener hears how it went.
 */
final class ChatEndpoint implements Handler {
    private static final System.Logger LOG = System.getLogger(ChatEndpoint.class.getName());
    private final String api;
    private final IngressFormat format;
    private final Gateway gateway;
    private final BodyReader bodyReader;
    private final ErrorWriter errors;
    private final ExchangeListener listener;

    ChatEndpoint(String api, IngressFormat format, Gateway gateway, BodyReader bodyReader, ExchangeListener listener) {
        this.api = api;
        this.format = format;
        this.gateway = gateway;
        this.bodyReader = bodyReader;
        this.errors = new ErrorWriter(format);
        this.listener = listener;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long received = System.nanoTime();
        Trace trace = new Trace();
        trace.requestId(RequestIds.next());
        res.header(ArbiterHeaders.REQUEST_ID_NAME, trace.requestId());
        Ending ending = serve(req, res, trace, received);
        report(trace, ending, received);
    }

    private Ending serve(ServerRequest req, ServerResponse res, Trace trace, long received) {
        boolean stream = false;
        try {
            RequestMeta meta = new RequestMeta(headers(req), api, received);
            trace.principal(gateway.admit(meta)); // 401 before the body is even read
            ChatRequest request = format.parseRequest(bodyReader.read(req), meta.headers());
            stream = request.stream();
            Exchange exchange = new Exchange(request, meta, trace);
            return switch (gateway.handle(exchange)) {
                case Outcome.Completed done -> sendComplete(res, trace, received, done.response());
                case Outcome.Streaming streaming -> new StreamResponder(format, trace, received)
                        .send(res, streaming.stream(), request.includeUsage());
            };
        } catch (ArbiterException e) {
            if (trace.model() != null || trace.route() != null) {
                ArbiterHeaders.writeRouting(res, trace, received);
            }
            errors.send(res, e);
            return Ending.failed(stream, e.kind());
        } catch (RuntimeException e) {
            errors.sendUnexpected(res, e);
            return Ending.failed(stream, ErrorKind.GATEWAY_INTERNAL_ERROR);
        }
    }

    /** Tells the listener how the request went; a failing listener is logged, never the caller's problem. */
    private void report(Trace trace, Ending ending, long received) {
        if (listener == ExchangeListener.NONE) {
            return;
        }
        try {
            listener.onComplete(new ExchangeReport(api, ending.stream(), trace, ending.status(), ending.outcome(),
                    ending.usage(), ending.costUsd().doubleValue(), System.nanoTime() - received));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the exchange listener failed", e);
        }
    }

    private Ending sendComplete(ServerResponse res, Trace trace, long received, ChatResponse response) {
        byte[] body = format.renderResponse(response, trace.model().id());
        ArbiterHeaders.writeRouting(res, trace, received);
        BigDecimal cost = ArbiterHeaders.costUsd(trace, response.usage());
        res.header(ArbiterHeaders.COST_NAME, ArbiterHeaders.costText(cost));
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(body);
        return Ending.answered(false, response.usage(), cost);
    }

    /** The request's headers by lower-case name (the first value of each). */
    static Map<String, String> headers(ServerRequest req) {
        Map<String, String> map = new HashMap<>();
        for (Header h : req.headers()) {
            map.put(h.name().toLowerCase(Locale.ROOT), h.get());
        }
        return map;
    }
}
