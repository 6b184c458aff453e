package dev.arbiter.core.provider.sandbox;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts, truncates and splits text in o200k_base tokens (jtokkit). The encoding is built once and is
 * thread-safe; special-token text such as {@code <|endoftext|>} is counted as ordinary text, never rejected.
 */
final class TokenCounter {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /** A piece of text and how many tokens it took. */
    record Piece(String text, int tokens) {
    }

    private TokenCounter() {
    }

    static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    /** The longest prefix of {@code text} cut at a token boundary that counts at most {@code maxTokens} tokens. */
    static String truncate(String text, int maxTokens) {
        int[] ends = tokenEndOffsets(text);
        if (ends.length <= maxTokens) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int keep = maxTokens; keep > 0; keep--) {
            // Re-counting matters: BPE of a cut-off word may take more tokens than its share of the whole.
            String prefix = decodePrefix(bytes, ends[keep - 1]);
            if (count(prefix) <= maxTokens) {
                return prefix;
            }
        }
        return "";
    }

    /**
     * Splits text into consecutive pieces of about {@code tokensPerPiece} tokens that join to the text. A piece's
     * token count is its share of the whole text's tokens, so the counts add up to {@link #count} of the text.
     */
    static List<Piece> pieces(String text, int tokensPerPiece) {
        List<Piece> pieces = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ends = tokenEndOffsets(text);
        int from = 0;
        int token = 0;
        while (from < bytes.length) {
            int last = Math.min(token + tokensPerPiece, ends.length) - 1;
            int to = last >= ends.length - 1 ? bytes.length : charStartAtOrAfter(bytes, ends[last]);
            int tokens = 0;
            while (token < ends.length && (ends[token] <= to || to == bytes.length)) {
                token++;
                tokens++;
            }
            pieces.add(new Piece(new String(bytes, from, to - from, StandardCharsets.UTF_8), tokens));
            from = to;
        }
        return pieces;
    }

    /** Byte offset (in UTF-8) where each token of the text ends. */
    private static int[] tokenEndOffsets(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        IntArrayList tokens = ENCODING.encodeOrdinary(text);
        int[] ends = new int[tokens.size()];
        IntArrayList one = new IntArrayList(1);
        int offset = 0;
        for (int i = 0; i < tokens.size(); i++) {
            one.clear();
            one.add(tokens.get(i));
            offset += ENCODING.decodeBytes(one).length;
            ends[i] = offset;
        }
        return ends;
    }

    /** Decodes the bytes before {@code end}, backing off so no multi-byte character is cut in half. */
    private static String decodePrefix(byte[] bytes, int end) {
        int cut = Math.min(end, bytes.length);
        while (cut > 0 && cut < bytes.length && isContinuation(bytes[cut])) {
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }

    private static int charStartAtOrAfter(byte[] bytes, int offset) {
        int at = Math.min(offset, bytes.length);
        while (at < bytes.length && isContinuation(bytes[at])) {
            at++;
        }
        return at;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
