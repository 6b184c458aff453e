package dev.arbiter.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Answers {@code POST /v1/chat/completions} after the delays its model name asks for, whole or streamed. */
final class ChatCompletions {
    private final AtomicLong ids = new AtomicLong();

    void handle(byte[] body, ResponseWriter out) throws IOException {
        RequestFields fields;
        MockKnobs knobs;
        try {
            fields = RequestFields.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            out.json(400, OpenAiBodies.error(e.getMessage(), "invalid_request_error", null));
            return;
        }
        if (!MockKnobs.isMockModel(fields.model())) {
            out.json(404, OpenAiBodies.error("The model `" + fields.model()
                    + "` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"));
            return;
        }
        try {
            knobs = MockKnobs.parse(fields.model());
        } catch (IllegalArgumentException e) {
            out.json(400, OpenAiBodies.error(e.getMessage(), "invalid_request_error", null));
            return;
        }
        String id = "chatcmpl-mock" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        int promptTokens = Math.max(1, body.length / 4); // a rough count is enough for cost accounting downstream
        if (fields.stream()) {
            stream(fields, knobs, new Stream(id, created, promptTokens), out);
        } else {
            pause(knobs.delayMs());
            out.json(200, OpenAiBodies.completion(id, fields.model(), created, promptTokens));
        }
    }

    /** Identity of one streamed answer. */
    private record Stream(String id, long created, int promptTokens) {
    }

    private static void stream(RequestFields fields, MockKnobs knobs, Stream s, ResponseWriter out) throws IOException {
        boolean usage = fields.includeUsage();
        String head = OpenAiBodies.chunkHead(s.id(), fields.model(), s.created());
        out.startEventStream();
        pause(knobs.ttftMs());
        out.event(OpenAiBodies.roleChunk(head, usage));
        String[] words = OpenAiBodies.WORDS;
        for (int i = 0; i < knobs.chunks(); i++) {
            if (i > 0) {
                pause(knobs.chunkIntervalMs());
            }
            String word = words[i % words.length];
            out.event(OpenAiBodies.contentChunk(head, i == 0 ? word : " " + word, usage));
        }
        out.event(OpenAiBodies.finishChunk(head, usage));
        if (usage) {
            out.event(OpenAiBodies.usageChunk(head, s.promptTokens(), knobs.chunks()));
        }
        out.event("[DONE]");
        out.endEventStream();
    }

    /** Sleeps on the connection's virtual thread, which parks it and frees the carrier thread. */
    private static void pause(int millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while simulating upstream latency");
        }
    }
}
