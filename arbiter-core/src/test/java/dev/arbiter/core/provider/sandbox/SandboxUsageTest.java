package dev.arbiter.core.provider.sandbox;

import static dev.arbiter.core.provider.sandbox.SandboxFixtures.WEATHER_SCHEMA;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.ask;
import static dev.arbiter.core.provider.sandbox.SandboxFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxUsageTest {
    private final SandboxProvider sandbox = SandboxFixtures.sandbox(new RecordingPacer());

    @Test
    void outputTokensCountTheAnswerText() {
        ChatResponse response = sandbox.complete(ask("gpt-5.4", "Hello there"));

        assertThat(response.usage().outputTokens()).isEqualTo(TokenCounter.count(response.message().text()));
        assertThat(response.usage().outputTokens()).isBetween(20L, 120L);
        assertThat(response.usage().cachedInputTokens()).isZero();
        assertThat(response.usage().reasoningTokens()).isZero();
    }

    @Test
    void inputTokensGrowWithTheConversation() {
        long shortPrompt = sandbox.complete(ask("gpt-5.4", "Hi")).usage().inputTokens();
        long longPrompt = sandbox.complete(ask("gpt-5.4", "Hi ".repeat(200))).usage().inputTokens();

        assertThat(shortPrompt).isBetween(2L, 15L);
        assertThat(longPrompt).isGreaterThan(shortPrompt + 150);
    }

    @Test
    void imagesAndToolSchemasCountAsInput() {
        long plain = sandbox.complete(ask("gpt-5.4", "What is this?")).usage().inputTokens();
        Message withImage = new Message(Role.USER, List.of(new ContentPart.Text("What is this?"),
                ContentPart.Image.ofUrl("https://example.com/cat.png", null)), List.of(), null, null);
        long image = sandbox.complete(ChatRequest.builder("gpt-5.4").messages(withImage).build()).usage().inputTokens();
        ChatRequest withTool = ask("gpt-5.4", "What is this?").toBuilder()
                .tools(List.of(tool("get_weather", WEATHER_SCHEMA))).build();
        long tools = sandbox.complete(withTool).usage().inputTokens();

        assertThat(image).isEqualTo(plain + PromptTokens.TOKENS_PER_IMAGE);
        assertThat(tools).isGreaterThan(plain + TokenCounter.count(WEATHER_SCHEMA) / 2);
    }

    @Test
    void aReasoningModelReportsReasoningTokensInsideItsOutput() {
        Usage usage = sandbox.complete(ask("claude-opus-4-6", "Prove it")).usage();
        ChatResponse again = sandbox.complete(ask("claude-opus-4-6", "Prove it"));

        assertThat(usage.reasoningTokens()).isPositive();
        assertThat(usage.outputTokens()).isEqualTo(usage.reasoningTokens() + TokenCounter.count(again.message().text()));
        assertThat(again.usage()).isEqualTo(usage);
    }

    @Test
    void reasoningLeavesRoomForTheAnswerWithinMaxTokens() {
        Usage usage = sandbox.complete(ask("claude-opus-4-6", "Prove it").toBuilder().maxTokens(40).build()).usage();

        assertThat(usage.reasoningTokens()).isBetween(1L, 20L);
        assertThat(usage.outputTokens()).isLessThanOrEqualTo(40);
        assertThat(usage.outputTokens() - usage.reasoningTokens()).isPositive();
    }
}
