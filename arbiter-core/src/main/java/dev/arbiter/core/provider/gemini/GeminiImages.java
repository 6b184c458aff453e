package dev.arbiter.core.provider.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Encodes an image part for Gemini: inline data as {@code inlineData {mimeType, data}}, a URL as
 * {@code fileData {mimeType?, fileUri}}.
 *
 * <p>Which URLs Gemini fetches: Files API URIs ({@code https://generativelanguage.googleapis.com/.../files/...}),
 * which carry their own media type, and (since January 2026) public or pre-signed {@code https} URLs, for which
 * Gemini needs the media type, taken here from the file extension. Anything else is refused with a 400 naming the
 * part: {@code gs://} URIs work only on Vertex AI (the Gemini API wants GCS objects registered through the Files API
 * first), {@code http}/other schemes are not fetched, and an https URL without a known image extension leaves
 * Gemini without the media type it requires. OpenAI's {@code detail} hint has no per-image Gemini field and is not sent.
 */
final class GeminiImages {
    private static final String FILES_API_HOST = "generativelanguage.googleapis.com";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp",
            "heic", "image/heic", "heif", "image/heif");

    private GeminiImages() {
    }

    /** The Gemini part for one image; {@code param} names it in errors. */
    static ObjectNode part(ContentPart.Image image, String param) {
        ObjectNode part = Json.object();
        if (image.isInline()) {
            ObjectNode inline = part.putObject("inlineData");
            inline.put("mimeType", image.mediaType());
            inline.put("data", image.data());
            return part;
        }
        URI uri = parse(image.url(), param);
        ObjectNode file = part.putObject("fileData");
        if (isFilesApi(uri)) {
            file.put("fileUri", image.url());
            return part;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ArbiterException.unsupported(param, "Gemini fetches images only from https URLs and Files API URIs"
                    + " (gs:// works on Vertex AI only); send the image inline as a data: URL instead");
        }
        file.put("mimeType", mediaTypeOf(uri, param));
        file.put("fileUri", image.url());
        return part;
    }

    private static URI parse(String url, String param) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null) {
                throw ArbiterException.invalid(param, "an image URL needs a scheme");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ArbiterException.invalid(param, "not a valid image URL");
        }
    }

    private static boolean isFilesApi(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return "https".equalsIgnoreCase(uri.getScheme()) && FILES_API_HOST.equalsIgnoreCase(uri.getHost())
                && path.contains("/files/");
    }

    private static String mediaTypeOf(URI uri, String param) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        String mediaType = dot < 0 ? null : MEDIA_TYPES.get(path.substring(dot + 1));
        if (mediaType == null) {
            throw ArbiterException.unsupported(param, "Gemini needs the media type of an image URL and this URL has no"
                    + " .png/.jpg/.jpeg/.webp/.heic/.heif extension; send the image inline as a data: URL instead");
        }
        return mediaType;
    }
}
