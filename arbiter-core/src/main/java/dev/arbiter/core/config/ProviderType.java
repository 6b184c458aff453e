package dev.arbiter.core.config;

import java.util.Locale;

/** The wire protocol a provider speaks; {@code openai} covers every OpenAI-compatible host. */
public enum ProviderType {
    OPENAI, ANTHROPIC, GEMINI, SANDBOX;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
