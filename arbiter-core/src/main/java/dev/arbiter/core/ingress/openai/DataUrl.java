package dev.arbiter.core.ingress.openai;

import java.util.Locale;

/** A base64 {@code data:} URL split into its media type and payload ({@code data:image/png;base64,iVBOR...}). */
record DataUrl(String mediaType, String base64) {

    static DataUrl parse(String url, String param) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw Fields.invalid(param, "a data URL needs a ',' before its data.");
        }
        String header = url.substring(5, comma);
        String data = url.substring(comma + 1);
        if (!header.toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw Fields.invalid(param, "only base64 data URLs are supported (data:<media type>;base64,<data>).");
        }
        String mediaType = header.substring(0, header.length() - ";base64".length()).strip().toLowerCase(Locale.ROOT);
        int parameters = mediaType.indexOf(';');
        if (parameters >= 0) {
            mediaType = mediaType.substring(0, parameters);
        }
        if (!mediaType.startsWith("image/") || mediaType.length() == "image/".length()) {
            throw Fields.invalid(param, "expected an image media type (e.g. image/png), but got '" + mediaType + "' instead.");
        }
        if (!isBase64(data)) {
            throw Fields.invalid(param, "the data URL's payload is not valid base64.");
        }
        return new DataUrl(mediaType, data);
    }

    /** A cheap shape check (alphabet, padding, length) instead of decoding megabytes on the request path. */
    private static boolean isBase64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0) {
            return false;
        }
        int end = s.length();
        int padding = 0;
        while (padding < 2 && end > 0 && s.charAt(end - 1) == '=') {
            end--;
            padding++;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
