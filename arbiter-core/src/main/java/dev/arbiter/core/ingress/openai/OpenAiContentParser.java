package dev.arbiter.core.ingress.openai;

import static dev.arbiter.core.ingress.openai.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one message's {@code content}: a string, or an array of parts. Users may send {@code text} and
 * {@code image_url} parts (a base64 {@code data:} URL becomes inline image data); assistants {@code text} and
 * {@code refusal}; system, developer and tool messages only {@code text}. Audio and file parts are refused.
 */
final class OpenAiContentParser {
    private static final Set<String> DETAILS = Set.of("auto", "low", "high");

    private OpenAiContentParser() {
    }

    static List<ContentPart> parse(JsonNode content, String p, Role role) {
        if (content == null) {
            throw Fields.missing(p);
        }
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray()) {
            throw Fields.typeError(p, "a string or an array of content parts", content);
        }
        if (content.isEmpty()) {
            throw Fields.invalid(p, "expected at least one content part, but got an empty array instead.");
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            parts.add(part(content.get(i), path(p, i), role));
        }
        return parts;
    }

    private static ContentPart part(JsonNode node, String p, Role role) {
        Fields.requireObject(node, p);
        String type = Fields.requiredString(node, "type", p);
        switch (type) {
            case "text" -> {
                Fields.onlyKnown(node, Set.of("type", "text"), p);
                return new ContentPart.Text(Fields.requiredString(node, "text", p));
            }
            case "image_url" -> {
                if (role == Role.USER) {
                    return image(node, p);
                }
            }
            case "refusal" -> {
                if (role == Role.ASSISTANT) {
                    Fields.onlyKnown(node, Set.of("type", "refusal"), p);
                    return new ContentPart.Text(Fields.requiredString(node, "refusal", p));
                }
            }
            case "input_audio", "file" -> {
                if (role == Role.USER) {
                    throw Fields.unsupported(path(p, "type"), "'" + type + "' content parts are not supported by this gateway.");
                }
            }
            default -> throw Fields.invalid(path(p, "type"), "'" + type + "' is not a content part type.");
        }
        throw Fields.invalid(path(p, "type"), "'" + type + "' parts are not allowed in " + role.wireName() + " messages.");
    }

    private static ContentPart.Image image(JsonNode node, String p) {
        Fields.onlyKnown(node, Set.of("type", "image_url"), p);
        String ip = path(p, "image_url");
        JsonNode imageUrl = Fields.requireObject(Fields.get(node, "image_url"), ip);
        Fields.onlyKnown(imageUrl, Set.of("url", "detail"), ip);
        String url = Fields.requiredString(imageUrl, "url", ip);
        String detail = Fields.string(imageUrl, "detail", ip);
        if (detail != null && !DETAILS.contains(detail)) {
            throw Fields.invalid(path(ip, "detail"), "expected one of auto, low, high, but got '" + detail + "' instead.");
        }
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            DataUrl data = DataUrl.parse(url, path(ip, "url"));
            return ContentPart.Image.inline(data.mediaType(), data.base64(), detail);
        }
        if (url.isBlank()) {
            throw Fields.invalid(path(ip, "url"), "the image URL is empty.");
        }
        return ContentPart.Image.ofUrl(url, detail);
    }
}
