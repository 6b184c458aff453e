package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTextTest {
    private static String analysed(Message... messages) {
        return PromptText.analysed(ChatRequest.builder("auto").messages(List.of(messages)).build());
    }

    @Test
    void joinsTheUserTurnsByNewlinesAfterTheSystemHeadSkippingAssistantTurns() {
        assertThat(analysed(Message.system("Be brief."), Message.user("first"), Message.assistant("reply"),
                Message.user("second"))).isEqualTo("Be brief.\n\nfirst\nsecond");
    }

    @Test
    void anEmptyFirstUserTurnAddsNoLeadingNewline() {
        assertThat(analysed(Message.user(""), Message.user("a"), Message.user(""), Message.user("b")))
                .isEqualTo("a\n\nb");
    }

    @Test
    void keepsOnlyTheLastUserCharactersAcrossTurns() {
        String early = "e".repeat(5_000);
        String late = "l".repeat(PromptText.USER_TAIL_CHARS - 100);

        String text = analysed(Message.user(early), Message.user(late));

        assertThat(text).hasSize(PromptText.USER_TAIL_CHARS).isEqualTo("e".repeat(99) + "\n" + late);
    }

    @Test
    void theTailNeverStartsInsideASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String user = "x" + emoji + "y".repeat(PromptText.USER_TAIL_CHARS - 1); // the cut falls between the two

        String text = analysed(Message.user(user));

        assertThat(text).hasSize(PromptText.USER_TAIL_CHARS - 1).isEqualTo("y".repeat(PromptText.USER_TAIL_CHARS - 1));
    }
}
