package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.router.DecisionHeader;
import dev.arbiter.testing.fake.ScriptedReply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK asks for model "auto" and reads Arbiter's routing decision off the raw response. */
class RoutingSdkTest {
    static RoutingHarness gw;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        gw = new RoutingHarness();
        client = OpenAiSdkBase.openAiClient(gw.baseUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        gw.close();
    }

    @Test
    void anSdkCallToAutoCanReadTheDecisionHeader() {
        gw.cheap.enqueue(ScriptedReply.text("Paris.", Usage.of(20, 3)));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("auto")
                .addUserMessage(RoutingGatewayTest.EASY).build();

        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(params)) {
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().values("x-arbiter-route")).containsExactly("auto");
            Map<String, String> decision = DecisionHeader.parse(raw.headers().values("x-arbiter-decision").getFirst());
            assertThat(decision.get("task")).isEqualTo("chat");
            assertThat(decision.get("chosen")).startsWith("acme/mini (p=");
            assertThat(decision.get("policy")).isEqualTo("cheapest-meeting-bar");
            ChatCompletion completion = raw.parse();
            assertThat(completion.model()).isEqualTo("acme/mini");
            assertThat(completion.choices().getFirst().message().content()).hasValue("Paris.");
        }
    }
}
