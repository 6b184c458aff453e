package dev.arbiter.core.config;

import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds the providers the environment makes available (OPENAI_API_KEY → openai, ..., OLLAMA_HOST → ollama)
 * unless the config already defines a provider with that id; {@code *_BASE_URL} variables move the base URL.
 */
final class EnvDiscovery {
    private final Map<String, String> env;

    EnvDiscovery(Map<String, String> env) {
        this.env = env;
    }

    /** Providers found in the environment, in the table's order, skipping ids the config defines. */
    List<ProviderConfig> discover(Set<String> configuredIds) {
        List<ProviderConfig> found = new ArrayList<>();
        for (KnownProviders.Known known : KnownProviders.ALL) {
            if (configuredIds.contains(known.id())) {
                continue;
            }
            Optional<String> key = KnownProviders.key(known, env);
            boolean ollama = known.id().equals(KnownProviders.OLLAMA) && present("OLLAMA_HOST");
            if (key.isPresent() || ollama) {
                UpstreamSettings settings = new UpstreamSettings(
                        known.id(), baseUrl(known), key.orElse(null), Map.of(), UpstreamSettings.Timeouts.DEFAULTS);
                found.add(new ProviderConfig(known.id(), known.type(), settings));
            }
        }
        return found;
    }

    /** The base URL for a known provider: its *_BASE_URL override, else (Ollama) OLLAMA_HOST, else the default. */
    URI baseUrl(KnownProviders.Known known) {
        String variable = known.baseUrlVariable();
        if (present(variable)) {
            URI uri = check(variable, env.get(variable));
            // The Anthropic SDKs' ANTHROPIC_BASE_URL has no version path; our base URL includes /v1.
            boolean bareHost = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            return known.type() == ProviderType.ANTHROPIC && bareHost ? URI.create(uri + "/v1") : uri;
        }
        if (known.id().equals(KnownProviders.OLLAMA) && present("OLLAMA_HOST")) {
            return check("OLLAMA_HOST", ollamaBase(env.get("OLLAMA_HOST")));
        }
        return URI.create(known.defaultBaseUrl());
    }

    /**
     * OLLAMA_HOST as the Ollama CLI reads it: {@code host[:port]} means http on port 11434 by default, a full URL
     * is taken as is; then the OpenAI-compatible {@code /v1} path is added.
     */
    static String ollamaBase(String host) {
        String value = host.strip().replaceAll("/+$", "");
        if (value.contains("://")) {
            return value + "/v1";
        }
        int slash = value.indexOf('/');
        String hostPort = slash < 0 ? value : value.substring(0, slash);
        String path = slash < 0 ? "" : value.substring(slash);
        boolean hasPort = hostPort.startsWith("[") ? hostPort.contains("]:") : hostPort.contains(":");
        return "http://" + hostPort + (hasPort ? "" : ":11434") + path + "/v1";
    }

    private boolean present(String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }

    private static URI check(String variable, String value) {
        try {
            return HttpUrls.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConfigException.environment(variable, e.getMessage());
        }
    }
}
