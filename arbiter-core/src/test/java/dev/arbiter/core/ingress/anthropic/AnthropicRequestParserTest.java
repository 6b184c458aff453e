package dev.arbiter.core.ingress.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicRequestParserTest {
    private final AnthropicIngress ingress = new AnthropicIngress();

    private ChatRequest parse(String json) {
        return ingress.parseRequest(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRejected(String json, ErrorKind kind, String param) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ArbiterException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.param()).isEqualTo(param);
        });
    }

    @Test
    void parsesASimpleRequestWithASystemString() {
        ChatRequest r = parse("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"system":"Be brief.",
                 "messages":[{"role":"user","content":"Capital of France?"}],
                 "temperature":0.2,"top_p":0.9,"stop_sequences":["END"],"metadata":{"user_id":"u-42"}}""");

        assertThat(r.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(r.maxTokens()).isEqualTo(1024);
        assertThat(r.messages()).containsExactly(Message.system("Be brief."), Message.user("Capital of France?"));
        assertThat(r.temperature()).isEqualTo(0.2);
        assertThat(r.topP()).isEqualTo(0.9);
        assertThat(r.stop()).containsExactly("END");
        assertThat(r.user()).isEqualTo("u-42");
        assertThat(r.stream()).isFalse();
        assertThat(r.hasExtra()).isFalse();
    }

    @Test
    void readsSystemBlocksAsOneSystemMessage() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"system":[{"type":"text","text":"One."},{"type":"text","text":"Two."}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""");
        assertThat(r.messages().getFirst().role()).isEqualTo(Role.SYSTEM);
        assertThat(r.messages().getFirst().content()).containsExactly(new ContentPart.Text("One."), new ContentPart.Text("Two."));
    }

    @Test
    void splitsToolResultsIntoToolMessagesAndKeepsToolUseAsToolCalls() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[
                  {"role":"user","content":"Weather in Paris and Tokyo?"},
                  {"role":"assistant","content":[{"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                    {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Tokyo"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18"},
                    {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"24"}]},
                    {"type":"text","text":"Which is warmer?"}]}]}""");

        assertThat(r.messages()).hasSize(5);
        Message assistant = r.messages().get(1);
        assertThat(assistant.text()).isEqualTo("Checking.");
        assertThat(assistant.toolCalls()).containsExactly(new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("toolu_2", "get_weather", "{\"city\":\"Tokyo\"}"));
        assertThat(r.messages().get(2)).isEqualTo(Message.toolResult("toolu_1", "18"));
        assertThat(r.messages().get(3)).isEqualTo(Message.toolResult("toolu_2", "24"));
        assertThat(r.messages().get(4)).isEqualTo(new Message(Role.USER, List.of(new ContentPart.Text("Which is warmer?")), List.of(), null, null));
    }

    @Test
    void readsBase64AndUrlImages() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
                  {"type":"text","text":"Same animal?"}]}]}""");
        assertThat(r.messages().getFirst().content()).containsExactly(ContentPart.Image.inline("image/png", "AAAA", null),
                ContentPart.Image.ofUrl("https://example.com/cat.jpg", null), new ContentPart.Text("Same animal?"));
    }

    @Test
    void readsToolsToolChoiceAndParallelism() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true}}""");
        assertThat(r.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("get_weather");
            assertThat(t.description()).isEqualTo("Weather");
            assertThat(t.parameters()).isEqualTo(Json.parse("{\"type\":\"object\"}"));
        });
        assertThat(r.toolChoice()).isEqualTo(ToolChoice.function("get_weather"));
        assertThat(r.parallelToolCalls()).isFalse();
        assertThat(parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],"tool_choice":{"type":"any"}}""")
                .toolChoice()).isEqualTo(ToolChoice.REQUIRED);
    }

    @Test
    void carriesTopKAndStreamWithUsage() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"top_k":40,"stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(r.topK()).isEqualTo(40);
        assertThat(r.extra()).isNull();
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
    }

    @Test
    void readsAnOutputConfigSchemaAsAStrictJsonSchemaFormat() {
        ChatRequest r = parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object"}}}}""");
        assertThat(r.responseFormat()).isEqualTo(ResponseFormat.jsonSchema("output", Json.object().put("type", "object"), true));
    }

    @Test
    void requiresMaxTokensAndModelAndMessages() {
        assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", ErrorKind.CALLER_INVALID_REQUEST, "max_tokens");
        assertRejected("{\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", ErrorKind.CALLER_INVALID_REQUEST, "model");
        assertRejected("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}", ErrorKind.CALLER_INVALID_REQUEST, "messages");
        assertRejected("{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                ErrorKind.CALLER_INVALID_REQUEST, "max_tokens");
    }

    @Test
    void namesValuesOutOfRangeOrOfTheWrongType() {
        assertRejected("""
                {"model":"m","max_tokens":5,"temperature":1.5,"messages":[{"role":"user","content":"hi"}]}""",
                ErrorKind.CALLER_INVALID_REQUEST, "temperature");
        assertRejected("""
                {"model":"m","max_tokens":"5","messages":[{"role":"user","content":"hi"}]}""", ErrorKind.CALLER_INVALID_REQUEST, "max_tokens");
        assertRejected("""
                {"model":"m","max_tokens":5,"messages":[{"role":"robot","content":"hi"}]}""", ErrorKind.CALLER_INVALID_REQUEST, "messages[0].role");
        assertRejected("""
                {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"AA"}}]}]}""",
                ErrorKind.CALLER_INVALID_REQUEST, "messages[0].content[0].source.media_type");
        assertRejected("""
                {"model":"m","max_tokens":5,"messages":[{"role":"assistant","content":[
                  {"type":"tool_use","id":"t","name":"f","input":"{}"}]}]}""", ErrorKind.CALLER_INVALID_REQUEST, "messages[0].content[0].input");
    }

    @Test
    void refusesWhatItCannotCarryNamingTheField() {
        assertRejected("""
                {"model":"m","max_tokens":5,"thinking":{"type":"between_tools"},"messages":[{"role":"user","content":"hi"}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "thinking.type");
        assertRejected("""
                {"model":"m","max_tokens":5,"messages":[{"role":"user","content":[
                  {"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}}]}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "messages[0].content[0].type");
        assertRejected("""
                {"model":"m","max_tokens":5,"metadata":{"session":"x"},"messages":[{"role":"user","content":"hi"}]}""",
                ErrorKind.CALLER_UNSUPPORTED_FEATURE, "metadata.session");
        assertRejected("""
                {"model":"m","max_tokens":5,"tools":[{"type":"web_search_20250305","name":"web_search"}],
                 "messages":[{"role":"user","content":"hi"}]}""", ErrorKind.CALLER_UNSUPPORTED_FEATURE, "tools[0].type");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertThatThrownBy(() -> parse("{\"model\":")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST));
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST));
    }
}
