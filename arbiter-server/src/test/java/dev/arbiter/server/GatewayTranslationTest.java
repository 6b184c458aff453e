package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.Usage;
import dev.arbiter.core.json.Json;
import dev.arbiter.testing.fake.RecordedRequest;
import dev.arbiter.testing.fake.ScriptedReply;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One OpenAI or Anthropic request in, any vendor's wire format out, and the answer back in the caller's format. */
class GatewayTranslationTest {
    static GatewayHarness gw;

    @BeforeAll
    static void start() {
        gw = new GatewayHarness();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void anOpenAiRequestToAClaudeModelReachesAnthropicAndComesBackInOpenAiShape() {
        gw.anthropic.enqueue(ScriptedReply.text("Bonjour !", new Usage(1000, 20, 400, 0, 0)));

        HttpResponse<String> res = gw.post("/v1/chat/completions", """
                {"model": "test/claude", "messages": [{"role": "system", "content": "Answer in French."},
                 {"role": "user", "content": "Hello"}], "max_tokens": 50}""");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(res.body());
        assertThat(body.at("/object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/model").asText()).isEqualTo("test/claude");
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Bonjour !");
        assertThat(body.at("/usage/prompt_tokens").asLong()).isEqualTo(1000);
        assertThat(body.at("/usage/prompt_tokens_details/cached_tokens").asLong()).isEqualTo(400);
        RecordedRequest upstream = gw.anthropic.lastRequest();
        assertThat(upstream.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(upstream.body().at("/model").asText()).isEqualTo("claude-upstream");
        assertThat(upstream.body().at("/system/0/text").asText()).isEqualTo("Answer in French.");
        assertThat(upstream.body().at("/max_tokens").asInt()).isEqualTo(50);
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("test/claude");
        assertThat(res.headers().firstValue("x-arbiter-provider")).hasValue("fake-anthropic");
        // price 1.0 in / 2.0 out per 1M tokens; cached input defaults to the input price: 1000*1 + 20*2 = 1040 µ$
        assertThat(res.headers().firstValue("x-arbiter-cost-usd")).hasValue("0.00104");
        assertThat(Double.parseDouble(res.headers().firstValue("x-arbiter-overhead-ms").orElseThrow())).isNotNegative();
    }

    @Test
    void anOpenAiToolCallRoundTripsThroughGemini() {
        gw.gemini.enqueue(ScriptedReply.toolCalls(List.of(new ToolCall("call_7", "get_weather", "{\"city\":\"Oslo\"}")), Usage.of(50, 10)));

        HttpResponse<String> res = gw.post("/v1/chat/completions", """
                {"model": "test/gemini", "messages": [{"role": "user", "content": "Weather in Oslo?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
                 "tool_choice": "required"}""");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode call = Json.parse(res.body()).at("/choices/0/message/tool_calls/0");
        assertThat(call.at("/type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(Json.parse(call.at("/function/arguments").asText())).isEqualTo(Json.parse("{\"city\":\"Oslo\"}"));
        assertThat(Json.parse(res.body()).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        RecordedRequest upstream = gw.gemini.lastRequest();
        assertThat(upstream.pathAndQuery()).isEqualTo("/v1beta/models/gemini-upstream:generateContent");
        assertThat(upstream.body().at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("get_weather");
        assertThat(upstream.body().at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("ANY");
    }

    @Test
    void anAnthropicRequestToAnOpenAiModelComesBackAsAMessagesResponse() {
        gw.openai.enqueue(ScriptedReply.text("Hi there.", Usage.of(12, 3)));

        HttpResponse<String> res = gw.post("/v1/messages", """
                {"model": "test/gpt", "max_tokens": 100, "system": "Be kind.",
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]}""");

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(res.body());
        assertThat(body.at("/type").asText()).isEqualTo("message");
        assertThat(body.at("/content/0/text").asText()).isEqualTo("Hi there.");
        assertThat(body.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.at("/usage/input_tokens").asLong()).isEqualTo(12);
        JsonNode upstream = gw.openai.lastRequest().body();
        assertThat(upstream.at("/model").asText()).isEqualTo("gpt-upstream");
        assertThat(upstream.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(upstream.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(res.headers().firstValue("x-arbiter-model")).hasValue("test/gpt");
    }

    @Test
    void anInlineImageReachesEachVendorInItsOwnShape() {
        String image = """
                {"model": "%s", "messages": [{"role": "user", "content": [{"type": "text", "text": "What is it?"},
                 {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}]}""";
        gw.openai.enqueue(ScriptedReply.text("A pixel.", Usage.of(90, 3)));
        gw.anthropic.enqueue(ScriptedReply.text("A pixel.", Usage.of(90, 3)));
        gw.gemini.enqueue(ScriptedReply.text("A pixel.", Usage.of(90, 3)));

        assertThat(gw.post("/v1/chat/completions", image.formatted("test/gpt")).statusCode()).isEqualTo(200);
        assertThat(gw.post("/v1/chat/completions", image.formatted("test/claude")).statusCode()).isEqualTo(200);
        assertThat(gw.post("/v1/chat/completions", image.formatted("test/gemini")).statusCode()).isEqualTo(200);

        assertThat(gw.openai.lastRequest().body().at("/messages/0/content/1/image_url/url").asText())
                .isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(gw.anthropic.lastRequest().body().at("/messages/0/content/1/source/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(gw.gemini.lastRequest().body().at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
    }

    @Test
    void listsTheServedModelsWithTheirPricesThenTheVirtualModelsOwnedByArbiter() {
        JsonNode body = Json.parse(gw.get("/v1/models").body());
        assertThat(body.at("/object").asText()).isEqualTo("list");
        List<JsonNode> vendorModels = new java.util.ArrayList<>();
        body.get("data").forEach(m -> {
            if (!m.get("owned_by").asText().equals("arbiter")) {
                vendorModels.add(m);
            }
        });
        assertThat(vendorModels).extracting(m -> m.get("id").asText())
                .containsExactly("test/gpt", "test/claude", "test/gemini", "test/text-only");
        assertThat(body.at("/data/0/arbiter/price_per_million/input").asDouble()).isEqualTo(1.0);
        assertThat(body.at("/data/4/id").asText()).isEqualTo("auto");
    }

    @Test
    void reportsHealthAndReadiness() {
        HttpResponse<String> health = gw.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Json.parse(health.body()).at("/providers")).hasSize(3);
        assertThat(gw.get("/ready").statusCode()).isEqualTo(200);
    }
}
