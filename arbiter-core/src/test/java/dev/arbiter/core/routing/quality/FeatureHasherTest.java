package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The difficulty vector hashes unigrams and bigrams into a unit-norm block followed by the dense features. */
class FeatureHasherTest {
    private final FeatureHasher hasher = new FeatureHasher(FeatureHasher.Params.defaults());
    private final StubExtractor extractor = new StubExtractor();

    @Test
    void theHashedBlockHasUnitNormAndTheDenseBlockFollows() {
        SparseVector x = hasher.featurize(extractor.extract("Write a function that returns 42"));
        double norm = 0;
        int dense = 0;
        for (int i = 0; i < x.index().length; i++) {
            if (x.index()[i] < hasher.denseOffset()) {
                norm += x.value()[i] * x.value()[i];
            } else {
                dense++;
            }
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
        assertThat(dense).isGreaterThan(3);
        assertThat(x.index()).isSorted();
        assertThat(x.index()[x.index().length - 1]).isLessThan(hasher.dimension());
    }

    @Test
    void wordOrderChangesOnlyTheBigrams() {
        SparseVector ab = hasher.featurize(extractor.extract("alpha beta"));
        SparseVector ba = hasher.featurize(extractor.extract("beta alpha"));
        assertThat(ab.index()).isNotEqualTo(ba.index());
        assertThat(hasher.featurize(extractor.extract("alpha beta")).index()).isEqualTo(ab.index());
    }

    @Test
    void tokensSplitCjkCharactersAndCollapseNumbers() {
        assertThat(PromptTokens.of("求 x=12 的值", 100)).containsExactly("求", "x", "=", "<d3>", "的", "值");
        assertThat(PromptTokens.of("a b c d", 2)).containsExactly("a", "b");
    }

    @Test
    void tokenHashesEqualTheHashCodesOfTheTokens() {
        String text = "Écrire UNE fonction İstanbul straße 12345 x=7\n\t求 の値 한국어 𝔘𝔫𝔦 😀 ½ ٣٤ a_b {}\u001C\u00A0end";
        int[] hashes = new int[64];
        int n = PromptTokens.hashes(text, hashes);
        assertThat(java.util.Arrays.copyOf(hashes, n))
                .containsExactly(PromptTokens.of(text, 64).stream().mapToInt(String::hashCode).toArray());
        assertThat(PromptTokens.count(text, 5)).isEqualTo(5);
    }

    @Test
    void noCodePointBelowHangulJamoIsCjk() {
        for (int cp = 0; cp < 0x1100; cp++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            assertThat(s).isNotIn(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);
        }
    }
}
