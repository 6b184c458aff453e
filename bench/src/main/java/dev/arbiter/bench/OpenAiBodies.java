package dev.arbiter.bench;

/**
 * Renders OpenAI Chat Completions wire bodies by hand: {@code chat.completion}, {@code chat.completion.chunk}
 * (with the usage-only last chunk of {@code stream_options.include_usage}), errors and the model list.
 */
final class OpenAiBodies {
    static final String FINGERPRINT = "fp_arbiter_mock";
    static final String[] WORDS = "This is a mock response from the Arbiter benchmark upstream.".split(" ");

    private OpenAiBodies() {
    }

    /** A whole {@code chat.completion} answer whose content is {@link #WORDS}, one token per word. */
    static String completion(String id, String model, long created, int promptTokens) {
        String content = String.join(" ", WORDS);
        return "{\"id\":" + quote(id) + ",\"object\":\"chat.completion\",\"created\":" + created
                + ",\"model\":" + quote(model)
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content)
                + ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}]"
                + ",\"usage\":" + usage(promptTokens, WORDS.length)
                + ",\"service_tier\":\"default\",\"system_fingerprint\":\"" + FINGERPRINT + "\"}";
    }

    /** The shared head of every chunk of one stream. */
    static String chunkHead(String id, String model, long created) {
        return "{\"id\":" + quote(id) + ",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":" + quote(model) + ",\"service_tier\":\"default\",\"system_fingerprint\":\""
                + FINGERPRINT + "\"";
    }

    /** The first chunk: the assistant role with empty content, as OpenAI sends it. */
    static String roleChunk(String head, boolean includeUsage) {
        return choiceChunk(head, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null", includeUsage);
    }

    static String contentChunk(String head, String text, boolean includeUsage) {
        return choiceChunk(head, "{\"content\":" + quote(text) + "}", "null", includeUsage);
    }

    static String finishChunk(String head, boolean includeUsage) {
        return choiceChunk(head, "{}", "\"stop\"", includeUsage);
    }

    /** The extra last chunk sent under {@code include_usage}: no choices, the whole request's usage. */
    static String usageChunk(String head, int promptTokens, int completionTokens) {
        return head + ",\"choices\":[],\"usage\":" + usage(promptTokens, completionTokens) + "}";
    }

    static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type)
                + ",\"param\":null,\"code\":" + (code == null ? "null" : quote(code)) + "}}";
    }

    static String modelList() {
        return "{\"object\":\"list\",\"data\":[{\"id\":\"mock\",\"object\":\"model\",\"created\":1700000000,"
                + "\"owned_by\":\"arbiter-mock\"}]}";
    }

    private static String choiceChunk(String head, String delta, String finishReason, boolean includeUsage) {
        return head + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]" + (includeUsage ? ",\"usage\":null}" : "}");
    }

    private static String usage(int promptTokens, int completionTokens) {
        return "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}"
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
