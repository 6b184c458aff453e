package dev.arbiter.testing.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP upstream on 127.0.0.1 that speaks one vendor's wire format. Tests queue
 * {@link ScriptedReply}s (or set a default), the fake records every request it receives, and subclasses
 * render replies as that vendor's JSON, SSE events and error bodies. Faults (resets, stalls, garbled events)
 * are injected here, once, for every vendor.
 */
public abstract class FakeUpstream implements AutoCloseable {
    private static final Duration MAX_STALL = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ScriptedReply> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger brokenStreams = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger completedStreams = new java.util.concurrent.atomic.AtomicInteger();
    private volatile ScriptedReply defaultReply = ScriptedReply.text("Hello from the fake upstream.",
            dev.arbiter.core.chat.Usage.of(10, 7));
    private volatile java.util.function.Function<RecordedRequest, ScriptedReply> script;
    private volatile boolean recording = true;

    protected FakeUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a fake upstream on 127.0.0.1", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Whether this request asks for a streamed answer, in the vendor's terms. */
    protected abstract boolean wantsStream(RecordedRequest request);

    /** The vendor's non-streamed success body for the reply. */
    protected abstract JsonNode renderJson(ScriptedReply reply, RecordedRequest request);

    /** The vendor's stream for the reply: each element one whole SSE event ("event: ...\ndata: ...\n\n"). */
    protected abstract List<String> renderSse(ScriptedReply reply, RecordedRequest request);

    /** The vendor's error body for an error reply. */
    protected abstract JsonNode renderError(ScriptedReply reply);

    /** The base URL a provider config should use for this fake (vendors differ in the version path). */
    public abstract URI baseUrl();

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeUpstream enqueue(ScriptedReply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    public FakeUpstream setDefault(ScriptedReply reply) {
        defaultReply = reply;
        return this;
    }

    /**
     * Answers every request that finds the queue empty with {@code script}'s reply for it (chaos runs draw a fault
     * per request here) instead of the default; null goes back to the default.
     */
    public FakeUpstream script(java.util.function.Function<RecordedRequest, ScriptedReply> newScript) {
        this.script = newScript;
        return this;
    }

    /** Stops (or resumes) keeping every request for {@link #received()}: long runs would hold them all. */
    public FakeUpstream recording(boolean keep) {
        this.recording = keep;
        return this;
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    public RecordedRequest lastRequest() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake upstream received no request");
        }
        return received.getLast();
    }

    /** Streams that could not be written to the end: the client disconnected (or a fault cut them). */
    public int brokenStreams() {
        return brokenStreams.get();
    }

    /** Streams written to the end. */
    public int completedStreams() {
        return completedStreams.get();
    }

    /** The next reply for a request: queued first, else the default. Overridable for chaos scripts. */
    protected ScriptedReply nextReply(RecordedRequest request) {
        ScriptedReply queued = queue.poll();
        if (queued != null) {
            return queued;
        }
        var current = script;
        return current != null ? current.apply(request) : defaultReply;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            ScriptedReply reply = nextReply(request);
            pause(reply.timing().firstByte());
            if (reply.fault() == ScriptedReply.Fault.RESET_BEFORE_RESPONSE) {
                throw new IOException("injected reset before response");
            }
            if (reply.isError()) {
                sendError(exchange, reply);
            } else if (wantsStream(request)) {
                try {
                    sendStream(exchange, reply, request);
                    completedStreams.incrementAndGet();
                } catch (IOException e) {
                    brokenStreams.incrementAndGet(); // the client went away, or a fault was injected
                    throw e;
                }
            } else {
                sendJson(exchange, 200, Json.bytes(renderJson(reply, request)));
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        JsonNode json = body.length == 0 ? null : Json.parse(body);
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().toString(), headers, json);
        if (recording) {
            received.add(request);
        }
        return request;
    }

    private void sendError(HttpExchange exchange, ScriptedReply reply) throws IOException {
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(reply.retryAfter().toSeconds()));
        }
        sendJson(exchange, reply.status(), Json.bytes(renderError(reply)));
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void sendStream(HttpExchange exchange, ScriptedReply reply, RecordedRequest request) throws IOException {
        List<String> events = new ArrayList<>(renderSse(reply, request));
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int cut = Math.max(1, events.size() / 2);
        switch (reply.fault()) {
            case STALL_BEFORE_FIRST_EVENT -> {
                out.flush();
                stall();
                throw new IOException("injected stall ended");
            }
            case GARBLED_EVENT -> events.add(cut, "data: {\"garbled\": [1, 2\n\n");
            default -> { }
        }
        for (int i = 0; i < events.size(); i++) {
            if (i == cut && reply.fault() == ScriptedReply.Fault.RESET_MID_STREAM) {
                throw new IOException("injected reset mid-stream");
            }
            if (i == cut && reply.fault() == ScriptedReply.Fault.STALL_MID_STREAM) {
                stall();
                throw new IOException("injected stall ended");
            }
            if (i > 0) {
                pause(reply.timing().betweenChunks());
            }
            out.write(events.get(i).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private void stall() {
        try {
            stopped.await(MAX_STALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Formats one SSE event; {@code event} may be null for data-only streams. */
    protected static String sse(String event, JsonNode data) {
        String line = "data: " + Json.text(data) + "\n\n";
        return event == null ? line : "event: " + event + "\n" + line;
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
    }
}
