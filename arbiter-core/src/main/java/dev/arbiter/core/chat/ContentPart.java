package dev.arbiter.core.chat;

import java.util.Objects;

/**
 * One piece of a message's content: text or an image. Either may carry a {@link CacheBreakpoint} (null when the
 * caller placed none).
 */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

    /** Plain text. */
    record Text(String text, CacheBreakpoint cache) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public Text(String text) {
            this(text, null);
        }
    }

    /**
     * An image, either by URL ({@code url} set) or inline ({@code mediaType} and base64 {@code data} set).
     * A {@code data:} URL given by a caller is split into mediaType and data so every codec sees one form.
     * {@code detail} is OpenAI's low/high/auto hint, or null.
     */
    record Image(String url, String mediaType, String data, String detail, CacheBreakpoint cache) implements ContentPart {
        public Image {
            if ((url == null) == (data == null)) {
                throw new IllegalArgumentException("an image needs exactly one of url or data");
            }
            if (data != null && mediaType == null) {
                throw new IllegalArgumentException("inline image data needs a media type");
            }
        }

        public Image(String url, String mediaType, String data, String detail) {
            this(url, mediaType, data, detail, null);
        }

        /** The same image with a cache breakpoint. */
        public Image withCache(CacheBreakpoint newCache) {
            return new Image(url, mediaType, data, detail, newCache);
        }

        public static Image ofUrl(String url, String detail) {
            return new Image(url, null, null, detail);
        }

        public static Image inline(String mediaType, String base64, String detail) {
            return new Image(null, mediaType, base64, detail);
        }

        public boolean isInline() {
            return data != null;
        }

        /** The image as a URL: the caller's URL, or a {@code data:} URL for inline data. */
        public String asUrl() {
            return isInline() ? "data:" + mediaType + ";base64," + data : url;
        }
    }
}
