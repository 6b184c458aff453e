package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageTokensCount;
import dev.arbiter.testing.fake.AnthropicFakeUpstream;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK's {@code messages().countTokens(...)} (and its beta twin) against the gateway. */
class AnthropicSdkCountTokensTest extends AnthropicSdkBase {

    @Test
    void theSdkReadsAnthropicsCountForAClaudeModel() {
        harness.anthropic.enqueue(AnthropicFakeUpstream.tokenCount(4321));

        MessageTokensCount count = client.messages().countTokens(MessageCountTokensParams.builder()
                .model("test/claude").system("Be brief.").addUserMessage("Hi").addTool(weatherTool()).build());

        assertThat(count.inputTokens()).isEqualTo(4321);
        assertThat(harness.anthropic.lastRequest().body().get("tools").get(0).get("name").asText()).isEqualTo("get_weather");
    }

    @Test
    void theSdkReadsTheEstimateForAnyOtherModel() {
        MessageTokensCount count = client.messages().countTokens(MessageCountTokensParams.builder()
                .model("test/gemini").addUserMessage("Hello, world").build());

        assertThat(count.inputTokens()).isEqualTo(3 + 3 + 3);
        assertThat(harness.gemini.received()).isEmpty();
    }

    @Test
    void theBetaCountSendsItsBetasOnToAnthropic() {
        harness.anthropic.enqueue(AnthropicFakeUpstream.tokenCount(77));

        var count = client.beta().messages().countTokens(com.anthropic.models.beta.messages.MessageCountTokensParams.builder()
                .model("test/claude").addUserMessage("Hi").addBeta("context-1m-2025-08-07").build());

        assertThat(count.inputTokens()).isEqualTo(77);
        assertThat(harness.anthropic.lastRequest().header("anthropic-beta")).isEqualTo("context-1m-2025-08-07");
    }
}
