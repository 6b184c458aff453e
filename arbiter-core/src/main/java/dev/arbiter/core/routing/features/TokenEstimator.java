package dev.arbiter.core.routing.features;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Counts o200k_base tokens (jtokkit) for routing: exactly for short prompts, and for longer ones a safe estimate from
 * what the tokenizer would do, without running it.
 *
 * <p>Why estimate: jtokkit runs o200k_base's pre-tokenising regex at about 10 characters per µs here, so a 16k-char
 * document costs ~1.6 ms to count, eight times the whole decision budget. The first {@link #EXACT_BUDGET_CHARS}
 * characters of a request (over all parts) are counted exactly. A longer part is estimated: {@link PieceScanner} cuts
 * it into exactly the pieces the tokenizer's regex would, {@link TokenVocabulary} tells which pieces are one token and
 * how many tokens the others split into, and {@link PieceWeights} weighs each piece by the mean tokens of its kind,
 * calibrated on a corpus of code, data and prose in 25 languages (see there). A part up to {@link #SCANNED_CHARS} is
 * weighed whole, a longer one from one {@link #BLOCK_CHARS}-char block in each of equal strata (3,000 chars plus a
 * sixth of the rest), scaled by UTF-8 bytes. The estimate is weight × {@link #MARGIN} + {@link #SLACK} × √weight,
 * rounded up.
 *
 * <p>Measured error (PieceWeightsCalibration on 50k-char windows of held-out text; TokenEstimatorTest on a snapshot):
 * the weights alone are within −2.5% and +2.5% of the exact count for Java, C, Python, TypeScript, JSON, Markdown and
 * prose in English, Chinese, Japanese, Korean, Russian, Ukrainian, German, French, Spanish, Italian, Polish, Turkish,
 * Czech, Indonesian, Arabic, Hebrew, Greek, Hindi, Bengali, Thai, Vietnamese, Persian, Georgian and Armenian, and
 * sampling adds about ±3%; the estimates fall between +2% and +13% there, i.e. never below the exact count, so
 * context-window filtering does not under-reserve. Base64 runs ~2.5% low before the margin; JavaScript bundling
 * WebAssembly as base64 (npm's undici) came out 2% below the exact count in one window of twelve. Estimating costs
 * ~20 µs for a 7k-char part, ~30 µs for 17k and ~70 µs for 50k (exactly: ~0.7 ms, ~1.7 ms and ~7 ms).
 */
final class TokenEstimator {
    /** Characters counted exactly per request before switching to estimates (~350 tokens of English, ~120 µs). */
    static final int EXACT_BUDGET_CHARS = 1_500;
    /** Parts up to this long are weighed whole; longer ones are sampled: this many chars plus a sixth of the rest. */
    static final int SCANNED_CHARS = 3_000;
    static final int SAMPLED_FRACTION = 6;
    static final int BLOCK_CHARS = 128;
    private static final int WORD_SEARCH = 32;
    private static final int PROBE_STEP = 8;
    /** Safety factor on estimates: estimates err up, never down (context-window filtering relies on it). */
    static final double MARGIN = 1.06;
    /** Plus this many square roots of the weight: a short part varies more (±2 tokens in 60 is 3%). */
    static final double SLACK = 0.5;

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    /** o200k_base's ranks 0..199,997 are its ordinary tokens; the special ones follow. */
    static final int ORDINARY_TOKENS = 199_998;
    /** Built once here (~0.3-1 s at start-up, with the encoding itself) rather than on the first long prompt. */
    static final long[] VOCABULARY = TokenVocabulary.build(TokenEstimator::token, ORDINARY_TOKENS);

    private TokenEstimator() {
    }

    /** The text of token {@code id}, or null if its bytes are not whole UTF-8 characters. */
    static String token(int id) {
        IntArrayList ids = new IntArrayList(1);
        ids.add(id);
        String text = new String(ENCODING.decodeBytes(ids), StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') >= 0 ? null : text; // a partial character decodes to U+FFFD
    }

    /** Exact o200k_base token count of a (short) text; special-token text counts as ordinary text. */
    static int exact(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    /** Tokens of all parts together: exact within the budget, estimated beyond it (see the class comment). */
    static int count(List<String> parts) {
        long tokens = 0;
        int budget = EXACT_BUDGET_CHARS;
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (part.length() <= budget) {
                tokens += exact(part);
                budget -= part.length();
            } else {
                tokens += estimate(part);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** Estimate for one long text: its piece weight with a safety margin, rounded up. */
    static long estimate(String text) {
        return estimate(text, PieceWeights.WEIGHTS);
    }

    /** The same with other weights (calibration). */
    static long estimate(String text, int[] weights) {
        double weight = weigh(text, VOCABULARY, weights);
        return (long) Math.ceil(weight * MARGIN + SLACK * Math.sqrt(weight));
    }

    /**
     * The piece weight of {@code text}: of all of it up to {@link #SCANNED_CHARS}, else of a block of about
     * {@link #BLOCK_CHARS} in each of equal strata, cut at piece boundaries, scaled up to the whole text by its UTF-8
     * bytes (so that a Chinese paragraph the blocks hit or missed weighs its share; ASCII text scales by length).
     */
    static double weigh(String text, long[] vocabulary, int[] weights) {
        int len = text.length();
        long[] scratch = PieceWeights.scratch();
        if (len <= SCANNED_CHARS) {
            return PieceScanner.scan(text.toCharArray(), 0, len, vocabulary, weights, scratch, null) / PieceWeights.ONE;
        }
        int blocks = (SCANNED_CHARS + (len - SCANNED_CHARS) / SAMPLED_FRACTION) / BLOCK_CHARS;
        int stratum = len / blocks;
        double bytes = utf8Bytes(text);
        char[] buffer = new char[BLOCK_CHARS + 2 * WORD_SEARCH + 2];
        long weight = 0;
        long scannedBytes = 0;
        for (int b = 0; b < blocks; b++) {
            // One block at a pseudo-random place in each stratum: evenly spaced blocks alias with periodic text
            // (a table, a log, a templated contract) and can keep missing its digits.
            long h = (b + 1) * 0x9E3779B97F4A7C15L ^ len;
            int at = b * stratum + (int) Math.floorMod(h ^ (h >>> 29), (long) Math.max(1, stratum - BLOCK_CHARS));
            int lo = Math.max(0, at - 1); // one char before, for a contraction ("it's") at the block's start
            int hi = Math.min(len, lo + buffer.length);
            text.getChars(lo, hi, buffer, 0);
            int n = hi - lo;
            int from = at == 0 ? 0 : pieceStart(buffer, at - lo, n);
            int to = from + BLOCK_CHARS >= n && hi == len ? n : pieceStart(buffer, Math.min(n, from + BLOCK_CHARS), n);
            weight += PieceScanner.scan(buffer, from, to, vocabulary, weights, scratch, null);
            scannedBytes += bytes == len ? to - from : utf8Bytes(buffer, from, to);
        }
        return weight / PieceWeights.ONE * bytes / Math.max(1, scannedBytes);
    }

    /**
     * The UTF-8 length of {@code text} from every {@link #PROBE_STEP}th character: exact for ASCII, a fine systematic
     * sample otherwise (String.getBytes costs ~1 ns a character once a text holds a character beyond Latin-1).
     */
    private static double utf8Bytes(String text) {
        long extra = 0;
        for (int i = PROBE_STEP / 2; i < text.length(); i += PROBE_STEP) {
            extra += extraUtf8Bytes(text.charAt(i));
        }
        return text.length() + (double) extra * PROBE_STEP;
    }

    private static int utf8Bytes(char[] a, int from, int to) {
        int bytes = to - from;
        for (int i = from; i < to; i++) {
            bytes += extraUtf8Bytes(a[i]);
        }
        return bytes;
    }

    /** UTF-8 bytes of {@code c} beyond one (a surrogate counts half of its pair's four). */
    private static int extraUtf8Bytes(char c) {
        return c < 0x80 ? 0 : c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
    }

    /**
     * A piece boundary at or soon after {@code i} in {@code a[0, n)} (i ≥ 1): a space before a letter (" word" starts
     * a piece whatever precedes it), else whitespace after a non-space, else {@code i} itself.
     */
    private static int pieceStart(char[] a, int i, int n) {
        int limit = Math.min(n - 1, i + WORD_SEARCH);
        for (int k = i; k < limit; k++) {
            if (a[k] == ' ' && isLetter(a, k + 1, n)) {
                return k;
            }
        }
        for (int k = i; k < limit; k++) {
            if (isSpace(CharClasses.at(a, k, n)) && !isSpace(CharClasses.at(a, k - 1, n))) {
                return k;
            }
        }
        return i < n && Character.isLowSurrogate(a[i]) ? i + 1 : i;
    }

    private static boolean isLetter(char[] a, int i, int n) {
        char c = a[i];
        return c < 0x80 ? (char) ((c | 0x20) - 'a') < 26 : CharClasses.isLetter(CharClasses.at(a, i, n));
    }

    private static boolean isSpace(int t) {
        int k = t & 15;
        return k == CharClasses.SPACE || k == CharClasses.NEWLINE || k == CharClasses.OTHER_SPACE;
    }
}
