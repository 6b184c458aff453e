package dev.arbiter.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a base URL is an absolute http(s) URL with a host, and normalises away trailing slashes. */
final class HttpUrls {
    private HttpUrls() {
    }

    /** The parsed URL; IllegalArgumentException saying what is wrong when it is not acceptable. */
    static URI parse(String text) {
        String trimmed = text.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw bad(text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw bad(text, "expected http://host[:port][/path] or https://...");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(text, "a base URL takes no query or fragment");
        }
        return uri;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad URL '" + text + "': " + why);
    }
}
