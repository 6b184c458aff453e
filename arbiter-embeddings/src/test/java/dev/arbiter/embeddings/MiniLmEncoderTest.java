package dev.arbiter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
    @Test
    void aShortTextIsEmbeddedWhole() {
        assertThat(MiniLmEncoder.slice("  Why is the sky blue?  ", 96, 32)).isEqualTo("Why is the sky blue?");
    }

    @Test
    void aLongTextIsCutToItsHeadAndTail() {
        String text = "H".repeat(96) + "m".repeat(1000) + "T".repeat(32);
        assertThat(MiniLmEncoder.slice(text, 96, 32)).isEqualTo("H".repeat(96) + " … " + "T".repeat(32));
    }

    @Test
    void aCodePointTheCutWouldSplitIsLeftOutWhole() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars, straddling both cuts below
        String text = "a".repeat(95) + emoji + "m".repeat(500) + emoji + "b".repeat(31);
        assertThat(MiniLmEncoder.slice(text, 96, 32)).isEqualTo("a".repeat(95) + " … " + "b".repeat(31));
    }

    @Test
    void blankTextBecomesASingleSpace() {
        assertThat(MiniLmEncoder.slice("   ", 96, 32)).isEqualTo(" ");
        assertThat(MiniLmEncoder.slice(null, 96, 32)).isEqualTo(" ");
    }
}
