package dev.arbiter.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendors Arbiter knows how to find from the environment: provider id, wire protocol, default base URL,
 * the variables that hold a key (first non-empty wins) and the variable that overrides the base URL.
 * Built-in catalog models refer to these ids.
 */
final class KnownProviders {
    /** Ollama is found by OLLAMA_HOST rather than by a key; see {@link EnvDiscovery}. */
    static final String OLLAMA = "ollama";

    record Known(String id, ProviderType type, String defaultBaseUrl,
            List<String> keyVariables, String baseUrlVariable) {
    }

    static final List<Known> ALL = List.of(
            known("openai", ProviderType.OPENAI, "https://api.openai.com/v1", "OPENAI_API_KEY"),
            known("anthropic", ProviderType.ANTHROPIC, "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
            known("gemini", ProviderType.GEMINI, "https://generativelanguage.googleapis.com/v1beta",
                    "GEMINI_API_KEY", "GOOGLE_API_KEY"),
            known("deepseek", ProviderType.OPENAI, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
            known("mistral", ProviderType.OPENAI, "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
            known("xai", ProviderType.OPENAI, "https://api.x.ai/v1", "XAI_API_KEY"),
            known("glm", ProviderType.OPENAI, "https://open.bigmodel.cn/api/paas/v4", "ZHIPUAI_API_KEY", "GLM_API_KEY"),
            new Known(OLLAMA, ProviderType.OPENAI, "http://127.0.0.1:11434/v1", List.of(), "OLLAMA_BASE_URL"));

    private KnownProviders() {
    }

    private static Known known(String id, ProviderType type, String base, String... keyVariables) {
        return new Known(id, type, base, List.of(keyVariables), id.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL");
    }

    static Optional<Known> byId(String id) {
        return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    static List<String> ids() {
        return ALL.stream().map(Known::id).toList();
    }

    /** The first non-empty key variable's value, if any. */
    static Optional<String> key(Known known, Map<String, String> env) {
        return known.keyVariables().stream().map(env::get).filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
