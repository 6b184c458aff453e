package dev.arbiter.core.provider.gemini;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Maps Gemini function-call identity onto the one opaque string a canonical tool call carries, and back.
 *
 * <p>Gemini gives a call an {@code id} only sometimes (Gemini 3 always does, older models do not), so a call
 * without one gets {@code call_<n>}, n counting the calls of one response. Gemini 3 also attaches an encrypted
 * {@code thoughtSignature} to function-call parts and rejects the next turn (400) unless it comes back unchanged;
 * a stateless gateway can only get it back through the id an OpenAI client echoes, so it is appended to the id
 * as {@code <id>__sig_<base64url>} (characters any vendor accepts in an id). Generated ids are never sent to
 * Gemini; Gemini's own (and other vendors') ids are, on both the functionCall and its functionResponse.
 */
final class ToolCallIds {
    private static final String SIGNATURE_MARK = "__sig_";
    private static final Pattern GENERATED = Pattern.compile("call_\\d+");

    private ToolCallIds() {
    }

    /** The canonical id for the n-th call of a response: Gemini's id or a generated one, plus any signature. */
    static String toCanonical(String geminiId, String thoughtSignature, int n) {
        String base = geminiId == null || geminiId.isEmpty() ? "call_" + n : geminiId;
        String urlSafe = thoughtSignature == null ? null : toUrlSafe(thoughtSignature);
        // an unreadable signature cannot be returned intact anyway: the id then carries none
        return urlSafe == null || urlSafe.isEmpty() ? base : base + SIGNATURE_MARK + urlSafe;
    }

    /** The id to send back to Gemini, or null when Arbiter generated it (Gemini never saw it). */
    static String geminiId(String canonicalId) {
        String base = base(canonicalId);
        return base.isEmpty() || GENERATED.matcher(base).matches() ? null : base;
    }

    /** The thought signature carried in a canonical id, as the standard base64 Gemini expects, or null. */
    static String thoughtSignature(String canonicalId) {
        int mark = canonicalId == null ? -1 : canonicalId.indexOf(SIGNATURE_MARK);
        if (mark < 0) {
            return null;
        }
        String urlSafe = canonicalId.substring(mark + SIGNATURE_MARK.length());
        try {
            return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(urlSafe));
        } catch (IllegalArgumentException e) {
            return null; // not one of ours after all: send no signature rather than a corrupt one
        }
    }

    private static String base(String canonicalId) {
        if (canonicalId == null) {
            return "";
        }
        int mark = canonicalId.indexOf(SIGNATURE_MARK);
        return mark < 0 ? canonicalId : canonicalId.substring(0, mark);
    }

    /** The signature's bytes in unpadded base64url, or null when it is not base64 in either alphabet. */
    private static String toUrlSafe(String signature) {
        String unpadded = signature.replace("=", "");
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(unpadded.replace('+', '-').replace('/', '_'));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
