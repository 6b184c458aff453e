package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import java.nio.charset.StandardCharsets;

/**
 * A 64-bit FNV-1a hash of everything that shapes an answer, stable across JVM runs (unlike record hash codes,
 * which mix in enum identity hashes), so every pseudo-random choice of the sandbox repeats for an equal request.
 */
final class RequestFingerprint {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET_BASIS;

    private RequestFingerprint() {
    }

    static long of(ChatRequest request) {
        RequestFingerprint f = new RequestFingerprint();
        f.add(request.model());
        for (Message message : request.messages()) {
            f.add(message.role().wireName()).add(message.toolCallId()).add(message.name());
            for (ContentPart part : message.content()) {
                f.add(part instanceof ContentPart.Text t ? t.text() : ((ContentPart.Image) part).asUrl());
            }
            for (ToolCall call : message.toolCalls()) {
                f.add(call.id()).add(call.name()).add(call.argumentsJson());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            f.add(tool.name()).add(tool.parameters() == null ? null : tool.parameters().toString());
        }
        f.add(request.toolChoice() == null ? null : request.toolChoice().mode().name());
        f.add(request.toolChoice() == null ? null : request.toolChoice().functionName());
        f.add(request.responseFormat() == null ? null : request.responseFormat().type().name());
        f.add(request.responseFormat() == null || request.responseFormat().schema() == null
                ? null : request.responseFormat().schema().toString());
        f.add(String.valueOf(request.maxTokens())).add(String.join("\u0000", request.stop()));
        return f.hash;
    }

    private RequestFingerprint add(String value) {
        byte[] bytes = (value == null ? "\u0001null" : value).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * PRIME;
        }
        hash = (hash ^ 0xff) * PRIME; // field separator, so "ab"+"c" differs from "a"+"bc"
        return this;
    }
}
