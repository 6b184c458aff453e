package dev.arbiter.core.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.provider.UpstreamSettings;
import dev.arbiter.core.provider.openai.OpenAiCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid Chat Completions requests parse into the canonical form and encode back to the same wire JSON. */
class OpenAiRequestParsingTest {
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    private final OpenAiIngress ingress = new OpenAiIngress();

    /** A request using every modelled field, written as an OpenAI SDK would send it. */
    private static final String FULL = """
            {"model":"gpt-4o","messages":[
               {"role":"system","content":"Be brief."},
               {"role":"developer","content":"Use metric units.","name":"ops"},
               {"role":"user","content":[{"type":"text","text":"What is in this image, and the weather?"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
               {"role":"tool","content":"{\\"temp_c\\":18}","tool_call_id":"call_1"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for a city",
                "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}},
             "parallel_tool_calls":true,
             "response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"},"strict":true}},
             "max_tokens":256,"temperature":0.2,"top_p":0.95,"stop":["END"],"seed":7,"user":"u-42",
             "metadata":{"team":"search"},"stream":true,"stream_options":{"include_usage":true}}
            """.formatted(PNG);

    @Test
    void parsesEveryModelledField() {
        ChatRequest r = ingress.parseRequest(bytes(FULL));

        assertThat(r.model()).isEqualTo("gpt-4o");
        assertThat(r.messages()).hasSize(5);
        assertThat(r.messages().get(1)).isEqualTo(new Message(Role.DEVELOPER,
                List.of(new ContentPart.Text("Use metric units.")), List.of(), null, "ops"));
        assertThat(r.messages().get(2).content()).containsExactly(
                new ContentPart.Text("What is in this image, and the weather?"),
                ContentPart.Image.ofUrl("https://example.com/cat.png", "low"),
                ContentPart.Image.inline("image/png", PNG, null));
        assertThat(r.messages().get(3)).isEqualTo(Message.assistantToolCalls(
                List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))));
        assertThat(r.messages().get(4)).isEqualTo(Message.toolResult("call_1", "{\"temp_c\":18}"));
        assertThat(r.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("get_weather");
            assertThat(t.strict()).isTrue();
        });
        assertThat(r.toolChoice()).isEqualTo(ToolChoice.function("get_weather"));
        assertThat(r.responseFormat().type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(r.maxTokens()).isEqualTo(256);
        assertThat(r.stop()).containsExactly("END");
        assertThat(r.seed()).isEqualTo(7L);
        assertThat(r.metadata()).isEqualTo(Map.of("team", "search"));
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.hasExtra()).isFalse();
    }

    @Test
    void encodesBackToTheSameWireJsonForACompatibleHost() {
        ChatRequest r = ingress.parseRequest(bytes(FULL));
        var settings = new UpstreamSettings("vllm", URI.create("http://127.0.0.1:8000/v1"), null, Map.of(), null);

        JsonNode encoded = Json.parse(new OpenAiCodec().encode(r, settings).body());

        assertThat(encoded).isEqualTo(Json.parse(FULL));
    }

    @Test
    void unknownTopLevelFieldsAndUnmodelledOptionsGoToExtra() {
        ChatRequest r = ingress.parseRequest(bytes("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"n":3,"logprobs":true,"top_logprobs":2,
                 "reasoning_effort":"low","top_k":40,"repetition_penalty":1.1,"stream":true,
                 "stream_options":{"include_usage":false,"include_obfuscation":false}}"""));

        assertThat(r.extra()).isEqualTo(Json.parse("""
                {"n":3,"logprobs":true,"top_logprobs":2,"reasoning_effort":"low","top_k":40,"repetition_penalty":1.1,
                 "stream_options":{"include_obfuscation":false}}"""));
        assertThat(r.includeUsage()).isFalse();
    }

    @Test
    void maxCompletionTokensAndAnEqualMaxTokensAreOneLimit() {
        ChatRequest r = ingress.parseRequest(bytes(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":9,\"max_completion_tokens\":9}"));
        assertThat(r.maxTokens()).isEqualTo(9);
    }

    @Test
    void aSingleStopStringBecomesAList() {
        ChatRequest r = ingress.parseRequest(bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stop\":\"\\n\"}"));
        assertThat(r.stop()).containsExactly("\n");
    }

    @Test
    void assistantTurnsEchoedBackWithOutputOnlyFieldsAreAccepted() {
        ChatRequest r = ingress.parseRequest(bytes("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","content":"Hello!","refusal":null,"annotations":[],"audio":null,"function_call":null},
                 {"role":"assistant","content":null,"refusal":"I can't help with that."},
                 {"role":"user","content":"ok"}]}"""));
        assertThat(r.messages().get(1)).isEqualTo(Message.assistant("Hello!"));
        assertThat(r.messages().get(2).text()).isEqualTo("I can't help with that.");
    }

    @Test
    void textPartsOfEveryRoleAreKeptAsParts() {
        ChatRequest r = ingress.parseRequest(bytes("""
                {"model":"m","messages":[{"role":"system","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                 {"role":"user","content":[{"type":"text","text":"hi"}]}]}"""));
        assertThat(r.messages().get(0).content()).containsExactly(new ContentPart.Text("a"), new ContentPart.Text("b"));
        assertThat(r.messages().get(1)).isEqualTo(Message.user("hi"));
    }

    @Test
    void extraReachesTheUpstreamBodyVerbatim() {
        ChatRequest r = ingress.parseRequest(bytes(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2,\"logit_bias\":{\"50256\":-100}}"));
        ObjectNode body = (ObjectNode) Json.parse(new OpenAiCodec().encode(r,
                new UpstreamSettings("x", URI.create("https://api.openai.com/v1"), "k", Map.of(), null)).body());
        assertThat(body.get("n").asInt()).isEqualTo(2);
        assertThat(body.get("logit_bias")).isEqualTo(Json.parse("{\"50256\":-100}"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
