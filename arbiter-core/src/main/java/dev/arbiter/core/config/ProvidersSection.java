package dev.arbiter.core.config;

import dev.arbiter.core.provider.UpstreamSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code providers} list: ids, protocol types, base URLs, keys, extra headers and timeouts. */
final class ProvidersSection {
    private static final Set<String> KEYS = Set.of("id", "type", "base_url", "api_key", "headers", "timeouts");
    private static final Set<String> TIMEOUT_KEYS = Set.of("connect_ms", "first_byte_ms", "idle_ms", "total_ms");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK HttpClient refuses to let callers set. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final EnvDiscovery env;

    ProvidersSection(EnvDiscovery env) {
        this.env = env;
    }

    List<ProviderConfig> read(Cursor list) {
        List<ProviderConfig> out = new ArrayList<>();
        Map<String, Cursor> seen = new HashMap<>();
        for (Cursor item : list.items()) {
            Fields f = item.fields(KEYS);
            Cursor idCursor = f.required("id");
            String id = idCursor.requiredText();
            if (!ID.matcher(id).matches()) {
                throw idCursor.error("provider id '" + id + "' may use only letters, digits, '.', '_' and '-'");
            }
            Cursor first = seen.putIfAbsent(id, idCursor);
            if (first != null) {
                throw idCursor.error("duplicate provider id '" + id + "' (first defined at " + first.path()
                        + ", line " + first.line() + ")");
            }
            out.add(provider(id, f));
        }
        return out;
    }

    private ProviderConfig provider(String id, Fields f) {
        Optional<KnownProviders.Known> known = KnownProviders.byId(id);
        ProviderType type = f.optional("type").map(ProvidersSection::type)
                .or(() -> known.map(KnownProviders.Known::type))
                .orElseThrow(() -> f.owner().missing("type"));
        URI baseUrl = f.optional("base_url").map(ProvidersSection::url)
                .or(() -> known.map(env::baseUrl))
                .orElse(null);
        if (baseUrl == null && type != ProviderType.SANDBOX) {
            throw f.owner().missing("base_url");
        }
        String apiKey = f.optional("api_key").map(Cursor::text).map(String::strip)
                .filter(k -> !k.isEmpty() && !k.equalsIgnoreCase("none")).orElse(null);
        Map<String, String> headers = f.optional("headers").map(ProvidersSection::headers).orElse(Map.of());
        UpstreamSettings.Timeouts timeouts = f.optional("timeouts").map(ProvidersSection::timeouts)
                .orElse(UpstreamSettings.Timeouts.DEFAULTS);
        return new ProviderConfig(id, type, new UpstreamSettings(id, baseUrl, apiKey, headers, timeouts));
    }

    private static ProviderType type(Cursor c) {
        String name = c.requiredText();
        for (ProviderType t : ProviderType.values()) {
            if (t.configName().equals(name)) {
                return t;
            }
        }
        List<String> names = Arrays.stream(ProviderType.values()).map(ProviderType::configName).toList();
        throw c.error("unknown provider type '" + name + "'" + Suggest.hint(name, names));
    }

    private static URI url(Cursor c) {
        try {
            return HttpUrls.parse(c.requiredText());
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    private static Map<String, String> headers(Cursor c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Cursor> e : c.entries().entrySet()) {
            String name = e.getKey();
            Cursor value = e.getValue();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw value.error("'" + name + "' is not a valid HTTP header name");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw value.error("header '" + name + "' is managed by the HTTP client and cannot be set");
            }
            String text = value.text();
            if (text == null || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw value.error("a header value must be a single line of text");
            }
            out.put(name, text);
        }
        return out;
    }

    private static UpstreamSettings.Timeouts timeouts(Cursor c) {
        Fields f = c.fields(TIMEOUT_KEYS);
        UpstreamSettings.Timeouts d = UpstreamSettings.Timeouts.DEFAULTS;
        return new UpstreamSettings.Timeouts(
                millis(f, "connect_ms", d.connect()), millis(f, "first_byte_ms", d.firstByte()),
                millis(f, "idle_ms", d.idle()), millis(f, "total_ms", d.total()));
    }

    private static Duration millis(Fields f, String key, Duration fallback) {
        return f.optional(key).map(c -> {
            long ms = c.longValue();
            if (ms <= 0) {
                throw c.error("must be a positive number of milliseconds, got " + ms);
            }
            return Duration.ofMillis(ms);
        }).orElse(fallback);
    }
}
