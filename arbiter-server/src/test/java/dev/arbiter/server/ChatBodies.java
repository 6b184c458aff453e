package dev.arbiter.server;

/** The chat endpoints' paths and small request bodies for them, written out as JSON text. */
final class ChatBodies {
    static final String CHAT = "/v1/chat/completions";
    static final String MESSAGES = "/v1/messages";
    static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    private ChatBodies() {
    }

    /** A Chat Completions body for the model with one user message, plus the given extra fields (JSON text). */
    static String chatWith(String model, String extraFields) {
        return "{\"model\":\"" + model + "\",\"messages\":[" + USER + "]" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    /** A Messages body for the model with one user message and max_tokens, plus the given extra fields. */
    static String messagesWith(String model, String extraFields) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":64,\"messages\":[" + USER + "]"
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    /** A valid Chat Completions body for test/gpt of exactly {@code size} bytes (ASCII padding in the message). */
    static String padded(long size) {
        String head = "{\"model\":\"test/gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        return head + "x".repeat((int) (size - head.length() - tail.length())) + tail;
    }
}
