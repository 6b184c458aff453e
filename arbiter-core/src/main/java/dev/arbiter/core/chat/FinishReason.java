package dev.arbiter.core.chat;

/** Why a model stopped, in OpenAI's vocabulary ({@code ERROR} marks a stream cut short by a failure). */
public enum FinishReason {
    STOP("stop"), LENGTH("length"), TOOL_CALLS("tool_calls"), CONTENT_FILTER("content_filter"), ERROR("error");

    private final String wireName;

    FinishReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
