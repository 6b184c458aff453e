package dev.arbiter.core.routing.features;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fits {@code piece-weights.txt} (see {@link PieceWeights}) on a corpus of text kinds and reports estimate ÷ exact per
 * kind. Not a test: run by hand, from the worktree root, after {@code ./mvnw -q -B -pl arbiter-core -am test-compile}:
 * <pre>
 * python3 arbiter-core/src/test/resources/dev/arbiter/core/routing/features/token-corpus.py /tmp/corp
 * java -cp arbiter-core/target/test-classes:arbiter-core/target/classes:$(ls ~/.m2/repository/com/knuddels/jtokkit/1.1.0/*.jar) \
 *     dev.arbiter.core.routing.features.PieceWeightsCalibration /tmp/corp/kinds \
 *     arbiter-core/src/main/resources/dev/arbiter/core/routing/features/piece-weights.txt
 * </pre>
 * Every kind's first half (up to 1.5M characters) trains, each kind weighing the same; its second half is cut into
 * 50k-character windows to evaluate. Kinds named {@code x-*} (random base64, hex) are evaluated only. It also checks
 * that {@link PieceScanner} splits the first 200k characters of every kind exactly as jtokkit's regex does.
 */
final class PieceWeightsCalibration {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    /** o200k_base's pre-tokenising regex, as jtokkit compiles it. */
    static final Pattern O200K = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}", " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*", "\\s*[\\r\\n]+", "\\s+(?!\\S)", "\\s+"),
            Pattern.UNICODE_CHARACTER_CLASS);
    static final int TRAIN_CHARS = 1_500_000;
    static final int WINDOW_CHARS = 50_000;
    /** Pseudo-count (in pieces) pulling a sparse cell towards its prior. */
    static final double LAMBDA = 3;

    private final Map<String, Integer> tokens = new HashMap<>();
    private final double[] sum = new double[PieceWeights.CELLS + 1];
    private final double[] count = new double[PieceWeights.CELLS + 1];
    /** Pieces beyond their family's cap, by the cap's cell: tokens, count, characters beyond. */
    private final double[] overSum = new double[PieceWeights.CELLS + 1];
    private final double[] overCount = new double[PieceWeights.CELLS + 1];
    private final double[] overChars = new double[PieceWeights.CELLS + 1];

    public static void main(String[] args) throws IOException {
        Map<String, String> kinds = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                kinds.put(p.getFileName().toString().replace(".txt", ""), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        var calibration = new PieceWeightsCalibration();
        for (var e : kinds.entrySet()) {
            String train = e.getValue().substring(0, Math.min(TRAIN_CHARS, e.getValue().length() / 2));
            checkPieces(e.getKey(), train.substring(0, Math.min(train.length(), 200_000)));
            if (!e.getKey().startsWith("x-")) {
                calibration.accumulate(train);
            }
        }
        double[] w = calibration.weights();
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), format(w));
        }
        int[] fixed = new int[w.length];
        for (int k = 0; k < w.length; k++) {
            fixed[k] = (int) Math.round(w[k] * PieceWeights.ONE);
        }
        System.out.println("kind          weights alone: min  mean  max | estimate: min  mean  max");
        for (var e : kinds.entrySet()) {
            evaluate(e.getKey(), e.getValue().substring(e.getValue().length() / 2), w, fixed);
        }
    }

    /** The pieces of {@code text} as {start, end, cell, ext}. */
    static List<int[]> pieces(String text) {
        List<int[]> pieces = new ArrayList<>();
        char[] a = text.toCharArray();
        PieceScanner.scan(a, 0, a.length, TokenEstimator.VOCABULARY, new int[PieceWeights.CELLS + 1],
                PieceWeights.scratch(), (start, end, cell, ext) -> pieces.add(new int[] {start, end, cell, ext}));
        return pieces;
    }

    /** The regex's pieces, and ours with a contraction joined to its word as the regex has it. */
    static List<List<String>> bothPieces(String text) {
        List<String> regex = new ArrayList<>();
        Matcher m = O200K.matcher(text);
        while (m.find()) {
            regex.add(m.group());
        }
        List<String> ours = new ArrayList<>();
        for (int[] p : pieces(text)) {
            if (p[2] == PieceWeights.CONTRACTION && !ours.isEmpty()) {
                ours.set(ours.size() - 1, ours.getLast() + text.substring(p[0], p[1]));
            } else {
                ours.add(text.substring(p[0], p[1]));
            }
        }
        return List.of(regex, ours);
    }

    static void checkPieces(String kind, String text) {
        List<List<String>> both = bothPieces(text);
        System.out.printf(Locale.ROOT, "%-12s %d pieces, %s the regex's%n", kind, both.get(1).size(),
                both.get(0).equals(both.get(1)) ? "same as" : "DIFFERENT FROM");
    }

    void accumulate(String text) {
        List<int[]> pieces = pieces(text);
        double weight = 1_000_000.0 / pieces.size(); // every kind weighs the same
        for (int[] p : pieces) {
            int t = tokens.computeIfAbsent(text.substring(p[0], p[1]), ENCODING::countTokensOrdinary);
            int cell = p[2];
            if (p[3] > 0) {
                overSum[cell] += weight * t;
                overCount[cell] += weight;
                overChars[cell] += weight * p[3];
            } else {
                sum[cell] += weight * t;
                count[cell] += weight;
            }
        }
    }

    /** Weights per cell: each cell's mean tokens, pulled towards a prior where it has few pieces. */
    double[] weights() {
        double lambda = LAMBDA * 1_000_000.0 / 400_000; // ~LAMBDA pieces of a 400k-piece kind
        double[] w = new double[PieceWeights.CELLS + 1];
        for (int k = 0; k <= PieceWeights.SCRIPTS; k++) {
            w[PieceWeights.SINGLE + k] = mean(PieceWeights.SINGLE + k, 1, lambda);
        }
        for (int f = 0; f < PieceWeights.SPLIT_FAMILIES; f++) {
            int split = f % PieceWeights.SPLIT_BUCKETS + 2;
            boolean byTokens = split > PieceWeights.SPLIT_BUCKETS;
            family(w, PieceWeights.SPLIT + f * PieceWeights.STRIDE, PieceWeights.CAP, lambda,
                    size -> (byTokens ? size : split) + 0.2);
        }
        for (int s = 0; s < PieceWeights.SCRIPTS; s++) {
            int cell = PieceWeights.LONG + 2 * s;
            double prior = s == CharClasses.ASCII_SCRIPT ? 0.3 : s >= 9 ? 1.0 : 0.5;
            w[cell + 1] = (overSum[cell] + prior * lambda * 20) / (overChars[cell] + lambda * 20);
        }
        w[PieceWeights.CONTRACTION] = mean(PieceWeights.CONTRACTION, 1, lambda);
        for (int k = 0; k < 3; k++) {
            w[PieceWeights.DIGITS + k] = mean(PieceWeights.DIGITS + k, 1, lambda);
        }
        w[PieceWeights.OTHER_NUMBER] = mean(PieceWeights.OTHER_NUMBER, 2, lambda);
        for (int f = 0; f < PieceWeights.SYMBOL_FAMILIES; f++) {
            family(w, PieceWeights.SYMBOLS + f * PieceWeights.SYMBOL_STRIDE, PieceWeights.SYMBOL_CAP, lambda,
                    len -> 1 + (len - 1) * 0.5);
        }
        for (int f = 0; f < 2; f++) {
            family(w, PieceWeights.NEWLINES + f * PieceWeights.NEWLINE_STRIDE, PieceWeights.NEWLINE_CAP, lambda,
                    len -> 1.0);
        }
        for (int f = 0; f < 3; f++) {
            family(w, PieceWeights.SPACES + f * PieceWeights.STRIDE, PieceWeights.CAP, lambda, len -> 1 + len / 16.0);
        }
        return w;
    }

    /** Cells {@code base..base+cap-1} by length, then the weight per character beyond the cap. */
    void family(double[] w, int base, int cap, double lambda, IntToDoubleFunction prior) {
        for (int len = 1; len <= cap; len++) {
            w[base + len - 1] = mean(base + len - 1, prior.applyAsDouble(len), lambda);
        }
        int capCell = base + cap - 1;
        double slopePrior = prior.applyAsDouble(cap + 1) - prior.applyAsDouble(cap);
        double slope = overChars[capCell] > 0
                ? (overSum[capCell] - overCount[capCell] * w[capCell]) / overChars[capCell] : slopePrior;
        double weight = overChars[capCell] / 10;
        w[base + cap] = Math.max(0, (slope * weight + slopePrior * lambda) / (weight + lambda));
    }

    double mean(int cell, double prior, double lambda) {
        return (sum[cell] + prior * lambda) / (count[cell] + lambda);
    }

    static double weigh(String text, double[] w) {
        double total = 0;
        for (int[] p : pieces(text)) {
            total += w[p[2]] + p[3] * w[p[2] + 1];
        }
        return total;
    }

    /** Estimate ÷ exact on windows of {@code text}: of the weights alone, and of the shipped estimate with them. */
    static void evaluate(String kind, String text, double[] w, int[] fixed) {
        double[] raw = {9, 0, 0};
        double[] estimate = {9, 0, 0};
        int windows = 0;
        int window = Math.min(WINDOW_CHARS, text.length() / 3);
        for (int from = 0; from + window <= text.length(); from += Math.max(1_000, (text.length() - window) / 12)) {
            String t = text.substring(from, from + window);
            double exact = ENCODING.countTokensOrdinary(t);
            track(raw, weigh(t, w) / exact);
            track(estimate, TokenEstimator.estimate(t, fixed) / exact);
            windows++;
        }
        System.out.printf(Locale.ROOT, "%-12s %6d chars:  %.3f %.3f %.3f | %.3f %.3f %.3f%n", kind, window, raw[0],
                raw[2] / windows, raw[1], estimate[0], estimate[2] / windows, estimate[1]);
    }

    private static void track(double[] minMaxSum, double ratio) {
        minMaxSum[0] = Math.min(minMaxSum[0], ratio);
        minMaxSum[1] = Math.max(minMaxSum[1], ratio);
        minMaxSum[2] += ratio;
    }

    static String format(double[] w) {
        StringBuilder sb = new StringBuilder("# o200k_base tokens per piece; written by PieceWeightsCalibration\n");
        for (PieceWeights.Family f : PieceWeights.families()) {
            sb.append(f.name()).append('\t');
            for (int k = 0; k < f.size(); k++) {
                sb.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", w[f.base() + k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
