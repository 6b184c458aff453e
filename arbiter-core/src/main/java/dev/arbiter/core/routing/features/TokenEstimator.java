package dev.arbiter.core.routing.features;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts o200k_base tokens (jtokkit) for routing: exactly for ordinary prompts, estimated from samples for huge ones.
 *
 * <p>Why estimate: encoding megabytes of text would cost milliseconds on the request path, while routing only needs
 * to know "about how big". Text beyond {@link #EXACT_BUDGET_CHARS} characters (over all parts) is not encoded in
 * full: a long part is measured on {@link #WINDOWS} windows of {@link #WINDOW_CHARS} characters (head, middle, tail)
 * and scaled by its length; parts after the budget is used up are scaled by the tokens-per-character ratio seen so
 * far. Estimates are typically within a few percent for prose and code.
 */
final class TokenEstimator {
    /** Characters counted exactly per request before switching to estimates (~8k tokens of English). */
    static final int EXACT_BUDGET_CHARS = 32_000;
    static final int WINDOW_CHARS = 4_000;
    static final int WINDOWS = 3;

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenEstimator() {
    }

    /** Exact o200k_base token count of a (short) text; special-token text counts as ordinary text. */
    static int exact(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    /** Tokens of all parts together: exact within the budget, estimated beyond it (see the class comment). */
    static int count(List<String> parts) {
        long tokens = 0;
        long exactChars = 0;
        long exactTokens = 0;
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            int len = part.length();
            if (exactChars + len <= EXACT_BUDGET_CHARS) {
                int t = exact(part);
                tokens += t;
                exactChars += len;
                exactTokens += t;
            } else if (exactChars >= EXACT_BUDGET_CHARS / 2) {
                // Enough of this request has been measured: scale by its own ratio.
                tokens += Math.round(len * (double) exactTokens / exactChars);
            } else {
                tokens += sampled(part);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** Estimate for one long text from evenly spaced windows, scaled to its full length. */
    static long sampled(String text) {
        int len = text.length();
        if (len <= WINDOW_CHARS * WINDOWS) {
            return exact(text);
        }
        long sampledTokens = 0;
        long sampledChars = 0;
        long step = (len - WINDOW_CHARS) / (WINDOWS - 1);
        for (int i = 0; i < WINDOWS; i++) {
            int from = safeIndex(text, (int) (i * step));
            int to = safeIndex(text, Math.min(len, from + WINDOW_CHARS));
            sampledTokens += exact(text.substring(from, to));
            sampledChars += to - from;
        }
        return Math.round(len * (double) sampledTokens / Math.max(1, sampledChars));
    }

    /** Moves an index off the low half of a surrogate pair so no character is cut in two. */
    private static int safeIndex(String text, int index) {
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
            return index + 1;
        }
        return index;
    }
}
