package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The scanner finds o200k_base's pre-tokens exactly, the vocabulary filter knows its words, and the weights alone
 * (no margin, no sampling) are within a few percent of the exact count on every kind of text.
 */
class PieceWeightsTest {
    @Test
    void piecesAreExactlyTheTokenizersPreTokensOnEveryKindOfTheSnapshot() {
        TokenEstimatorTest.snapshot().forEach((kind, text) -> {
            List<List<String>> both = PieceWeightsCalibration.bothPieces(text);
            assertThat(both.get(1)).as(kind).isEqualTo(both.get(0));
        });
    }

    @Test
    void piecesAreExactlyTheTokenizersPreTokensOnItsCornerCases() {
        List<String> texts = List.of(
                "I don't think it's John's; we'll see, they've said I'M SURE.",
                "HTTPServer getConnection XMLHttpRequest MAX_VALUE __init__ $scope @Override #include <stdio.h>",
                "中文ABC 日本語のテキスト、かなカナ。한국어 텍스트 Ελληνικά Русский текст العربية हिन्दी ไทย",
                "caf\u00e9 cafe\u0301 na\u00efve \u00a0non-breaking\u2003em space\u3000ideographic",
                "emoji 👍🏽 and 𠀀 outside the BMP, a lone \ud800 surrogate",
                "  \n\n    indented\n\t\ttabs\r\n\r\nCRLF   trailing   ",
                "x = a[i] + 12345.678 - 0x1F; // comment\n/* block */ return \"ok\";\n}\n\n",
                "１２３ Ⅻ ½ ²³ digits 1234567 and 12,345.67 EUR",
                "{\"key\": [1, 2, {\"nested\": null}], \"url\": \"https://example.com/a/b?c=d\"}");
        for (String text : texts) {
            List<List<String>> both = PieceWeightsCalibration.bothPieces(text);
            assertThat(both.get(1)).as(text).isEqualTo(both.get(0));
        }
    }

    @Test
    void commonWordsAndSymbolRunsAreSingleTokensAndRareWordsSplit() {
        assertThat(cells(" the quick brown fox")).containsOnly(PieceWeights.SINGLE + CharClasses.ASCII_SCRIPT);
        assertThat(cells("();")).containsExactly(PieceWeights.SINGLE_SYMBOLS);
        List<Integer> rare = cells(" Zwischenspeicherverwaltung");
        assertThat(rare).hasSize(1);
        assertThat(rare.getFirst()).isBetween(PieceWeights.SPLIT, PieceWeights.LONG - 1);
    }

    @Test
    void theWeightsAloneAreWithinFivePercentOfTheExactCountOnEveryKind() {
        TokenEstimatorTest.snapshot().forEach((kind, text) -> {
            char[] a = text.toCharArray();
            double weight = PieceScanner.scan(a, 0, a.length, TokenEstimator.VOCABULARY, PieceWeights.WEIGHTS,
                    PieceWeights.scratch(), null) / PieceWeights.ONE;
            double ratio = weight / TokenEstimator.exact(text);
            System.out.printf(Locale.ROOT, "piece weight/exact on %s: %.3f%n", kind, ratio);
            assertThat(ratio).as(kind).isBetween(0.95, 1.05);
        });
    }

    @Test
    void everyCellHasAPlausibleWeight() {
        for (PieceWeights.Family f : PieceWeights.families()) {
            for (int k = 0; k < f.size(); k++) {
                assertThat(PieceWeights.WEIGHTS[f.base() + k] / PieceWeights.ONE).as(f.name() + " " + k)
                        .isBetween(0.0, 20.0);
            }
        }
    }

    private static List<Integer> cells(String text) {
        List<Integer> cells = new ArrayList<>();
        char[] a = text.toCharArray();
        PieceScanner.scan(a, 0, a.length, TokenEstimator.VOCABULARY, PieceWeights.WEIGHTS, PieceWeights.scratch(),
                (start, end, cell, ext) -> cells.add(cell));
        return cells;
    }
}
