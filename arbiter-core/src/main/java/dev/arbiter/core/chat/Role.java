package dev.arbiter.core.chat;

/** The author of a message, as the OpenAI Chat Completions API names them. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
