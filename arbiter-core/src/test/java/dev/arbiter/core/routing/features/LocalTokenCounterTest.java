package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ReasoningBlock;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked o200k_base counts: "Hello, world" is [Hello][,][ world] = 3, "Be brief." [Be][ brief][.] = 3, "Hi" 1,
 * "search" 1, "Find pages" 2, {"type":"object"} and {"q":"cats"} 5 each ([{"][type][":"][object]["}]),
 * "Found 3" [Found][ ][3] = 3; plus 3 tokens of framing per message and 3 for priming the reply.
 */
class LocalTokenCounterTest {
    private static ChatRequest.Builder hi() {
        return ChatRequest.builder("m").messages(Message.user("Hi"));
    }

    @Test
    void oneUserMessageIsItsTextPlusFramingAndReplyPriming() {
        assertThat(LocalTokenCounter.count(ChatRequest.builder("m").messages(Message.user("Hello, world")).build()))
                .isEqualTo(3 + 3 + 3);
    }

    @Test
    void theSystemPromptCountsAsAMessageOfItsOwn() {
        ChatRequest request = ChatRequest.builder("m").messages(Message.system("Be brief."), Message.user("Hello, world")).build();

        assertThat(LocalTokenCounter.count(request)).isEqualTo((3 + 3) + (3 + 3) + 3);
    }

    @Test
    void anImageCostsAFlatEstimateWhateverItsSize() {
        Message withImage = new Message(Role.USER, List.of(new ContentPart.Text("Hi"),
                ContentPart.Image.inline("image/png", "iVBORw0KGgo=", null)), List.of(), null, null);

        assertThat(LocalTokenCounter.count(ChatRequest.builder("m").messages(withImage).build()))
                .isEqualTo(1 + 765 + 3 + 3);
    }

    @Test
    void aToolDefinitionCountsItsNameDescriptionAndSchema() {
        ToolDefinition tool = new ToolDefinition("search", "Find pages", Json.object().put("type", "object"), null);

        assertThat(LocalTokenCounter.count(hi().tools(List.of(tool)).build())).isEqualTo((1 + 3) + (1 + 2 + 5) + 3);
    }

    @Test
    void toolCallsAndToolResultsCountLikeText() {
        ChatRequest request = ChatRequest.builder("m").messages(Message.user("Hi"),
                Message.assistantToolCalls(List.of(new ToolCall("t1", "search", "{\"q\":\"cats\"}", null))),
                Message.toolResult("t1", "Found 3")).build();

        assertThat(LocalTokenCounter.count(request)).isEqualTo((1 + 3) + (1 + 5 + 3) + (3 + 3) + 3);
    }

    @Test
    void thinkingBlocksOfEarlierTurnsAreNotCountedAsAnthropicDoesNot() {
        Message thought = Message.assistant("Hi").withReasoning(List.of(new ReasoningBlock.Thought("Thinking hard", "sig")));
        ChatRequest request = ChatRequest.builder("m").messages(Message.user("Hi"), thought).build();

        assertThat(LocalTokenCounter.count(request)).isEqualTo((1 + 3) + (1 + 3) + 3);
    }

    @Test
    void aRequestedOutputSchemaCounts() {
        ChatRequest request = hi().responseFormat(ResponseFormat.jsonSchema("out", Json.object().put("type", "object"), true)).build();

        assertThat(LocalTokenCounter.count(request)).isEqualTo((1 + 3) + 5 + 3);
    }
}
