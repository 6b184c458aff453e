package dev.arbiter.core.gateway;

import dev.arbiter.core.config.ProviderConfig;
import dev.arbiter.core.provider.Provider;
import dev.arbiter.core.provider.anthropic.AnthropicCodec;
import dev.arbiter.core.provider.gemini.GeminiCodec;
import dev.arbiter.core.provider.openai.OpenAiCodec;
import dev.arbiter.core.transport.CodecProvider;

/**
 * The explicit table of wire protocols: one line per provider type. Adding a vendor is one codec package plus
 * one line here (and a contract test class).
 */
final class Providers {
    private Providers() {
    }

    static Provider create(ProviderConfig config) {
        return switch (config.type()) {
            case OPENAI -> new CodecProvider(new OpenAiCodec(), config.settings());
            case ANTHROPIC -> new CodecProvider(new AnthropicCodec(), config.settings());
            case GEMINI -> new CodecProvider(new GeminiCodec(), config.settings());
            case SANDBOX -> throw new IllegalArgumentException("sandbox providers are built from the catalog, not from settings");
        };
    }
}
