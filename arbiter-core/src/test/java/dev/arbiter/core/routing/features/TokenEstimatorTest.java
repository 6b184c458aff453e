package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The token estimate's error bound on long texts of many kinds (code, JSON, Markdown, prose in eight languages,
 * random data), and exact counting of short requests. The bound is estimate ÷ exact in [1, 1.15]: never below the
 * exact count (context-window filtering relies on it), and not much above (budgets are charged with it).
 */
class TokenEstimatorTest {
    static final int LONG_CHARS = 50_000;
    /** Windows of the snapshot's kinds: long enough to be sampled rather than scanned whole. */
    static final int SNAPSHOT_WINDOW_CHARS = 12_000;
    static final double MAX_OVER = 1.15;

    @Test
    void shortRequestsAreCountedExactly() {
        String prompt = "Explain the difference between a process and a thread, with an example in Java.";
        assertThat(TokenEstimator.count(List.of(prompt))).isEqualTo(TokenEstimator.exact(prompt));
    }

    @Test
    void partsWithinTheBudgetAreExactAndTheRestEstimatedAtLeastExactly() {
        String system = "You are a careful reviewer.";
        String document = javaSources().substring(0, 20_000);
        int counted = TokenEstimator.count(List.of(system, document));
        assertThat(counted - TokenEstimator.exact(system)).isGreaterThanOrEqualTo(TokenEstimator.exact(document));
    }

    @Test
    void theEstimateForA50kCharJavaSourceIsAtLeastExactAndAtMostFifteenPercentAbove() {
        assertWithinBound("java", javaSources(), LONG_CHARS);
    }

    @Test
    void theEstimateForA50kCharPromptOfSharedDataIsAtLeastExactAndAtMostFifteenPercentAbove() throws IOException {
        Path dir = LabelledPrompts.dataDir();
        assumeTrue(dir != null, "shared routing data not found");
        List<String> prompts = LabelledPrompts.load(dir).stream().map(LabelledPrompts.Row::prompt).toList();
        assertWithinBound("shared prompts", shuffledConcatenation(prompts, 11, 400_000), LONG_CHARS);
    }

    @Test
    void theEstimateForMixedProseCodeAndChineseIsAtLeastExactAndAtMostFifteenPercentAbove() {
        List<String> pieces = new ArrayList<>();
        pieces.add("The committee reviewed the quarterly figures and asked for a revised forecast by Friday. ");
        pieces.add("for (int i = 0; i < items.size(); i++) {\n    total += items.get(i).priceInCents();\n}\n");
        pieces.add("请根据以下材料回答问题：城市化进程对农村人口结构产生了深远影响。");
        pieces.add("Invoice 2024-117: 3 × 19.99 EUR, VAT 21%, due 2024-12-31.\n");
        pieces.add("Привет, как дела? Это тестовый текст на русском языке. ");
        assertWithinBound("mixed", shuffledConcatenation(pieces, 7, 200_000), LONG_CHARS);
    }

    @Test
    void theEstimateForEveryKindOfTheSnapshotIsAtLeastExactAndAtMostFifteenPercentAbove() {
        snapshot().forEach((kind, text) -> assertWithinBound(kind, text, SNAPSHOT_WINDOW_CHARS));
    }

    @Test
    void theEstimateForRandomBase64AndHexIsAtLeastExactAndAtMostFifteenPercentAbove() {
        byte[] data = new byte[60_000];
        new Random(5).nextBytes(data);
        String base64 = Base64.getMimeEncoder().encodeToString(data); // 76-character lines
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i + 32 <= data.length; i += 32) {
            hex.append(HexFormat.of().formatHex(data, i, i + 32)).append('\n');
        }
        assertWithinBound("base64", base64, SNAPSHOT_WINDOW_CHARS);
        assertWithinBound("hex", hex.toString(), SNAPSHOT_WINDOW_CHARS);
    }

    @Test
    void aHugePartIsEstimatedWithinTheSameBoundAsLongOnes() {
        // Its speed (the point of estimating rather than encoding) is measured by JMH in bench/, not timed here.
        String huge = javaSources().repeat(4).substring(0, 400_000);
        double ratio = TokenEstimator.count(List.of(huge)) / (double) TokenEstimator.exact(huge);
        assertThat(ratio).isBetween(1.0, MAX_OVER);
    }

    /** Checks estimate/exact over windows at several offsets of {@code corpus}. */
    private static void assertWithinBound(String name, String corpus, int window) {
        assumeTrue(corpus.length() >= window * 3 / 2, "corpus too small: " + name);
        double min = Double.MAX_VALUE;
        double max = 0;
        int step = Math.max(1_000, (corpus.length() - window) / 12);
        for (int from = 0; from + window <= corpus.length(); from += step) {
            String text = corpus.substring(from, from + window);
            double ratio = TokenEstimator.count(List.of(text)) / (double) TokenEstimator.exact(text);
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        System.out.printf(Locale.ROOT, "token estimate/exact on %s: min %.3f max %.3f (margin %.2f)%n", name, min,
                max, TokenEstimator.MARGIN);
        assertThat(min).as(name + " min ratio").isGreaterThanOrEqualTo(1.0);
        assertThat(max).as(name + " max ratio").isLessThanOrEqualTo(MAX_OVER);
    }

    /**
     * 400k characters of Java: this module's sources as they stood when the corpus was frozen (2026-11-23). Read from a
     * snapshot rather than the live tree, so that editing any source file cannot move the windows measured here.
     */
    static String javaSources() {
        return resource("java-corpus.txt.gz");
    }

    /**
     * ~40k characters (20k of CJK) per kind of permissively licensed text, by kind: Python, TypeScript, C, JSON,
     * Markdown, English, Chinese, Japanese, Korean, Russian, German, Polish, Turkish. Written by
     * {@code token-corpus.py --snapshot} (beside it), which names each kind's source and licence.
     */
    static Map<String, String> snapshot() {
        Map<String, String> kinds = new LinkedHashMap<>();
        String[] sections = resource("token-corpora.txt.gz").split("(?m)^=== ");
        for (String section : sections) {
            int newline = section.indexOf('\n');
            if (newline > 0) {
                kinds.put(section.substring(0, newline).split(" ")[0], section.substring(newline + 1));
            }
        }
        return kinds;
    }

    private static String resource(String name) {
        try (InputStream in = TokenEstimatorTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shuffledConcatenation(List<String> pieces, long seed, int chars) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(pieces.get(random.nextInt(pieces.size()))).append("\n\n");
        }
        return sb.toString();
    }
}
