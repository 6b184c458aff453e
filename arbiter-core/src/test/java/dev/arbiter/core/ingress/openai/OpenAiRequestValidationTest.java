package dev.arbiter.core.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a Chat Completions request can be wrong fails with a 400 naming the parameter, as OpenAI's do. */
class OpenAiRequestValidationTest {
    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";
    private final OpenAiIngress ingress = new OpenAiIngress();

    @Test
    void malformedJsonIsInvalidJson() {
        ArbiterException e = reject("{\"model\": \"gpt\", \"messages\": [");
        assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
        assertThat(e.code()).isEqualTo("invalid_json");
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(reject("[1,2,3]").code()).isEqualTo("invalid_json");
        assertThat(reject("").code()).isEqualTo("invalid_json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing model                 | {"messages":[USER]}                                          | model                  | missing_required_parameter
            model not a string            | {"model":7,"messages":[USER]}                                | model                  | invalid_type
            missing messages              | {"model":"m"}                                                | messages               | missing_required_parameter
            empty messages                | {"model":"m","messages":[]}                                  | messages               | invalid_value
            messages not an array         | {"model":"m","messages":{}}                                  | messages               | invalid_type
            message not an object         | {"model":"m","messages":["hi"]}                              | messages[0]            | invalid_type
            missing role                  | {"model":"m","messages":[{"content":"hi"}]}                  | messages[0].role       | missing_required_parameter
            unknown role                  | {"model":"m","messages":[{"role":"robot","content":"hi"}]}   | messages[0].role       | invalid_value
            content of wrong type         | {"model":"m","messages":[USER,{"role":"user","content":5}]}  | messages[1].content    | invalid_type
            missing user content          | {"model":"m","messages":[{"role":"user"}]}                   | messages[0].content    | missing_required_parameter
            empty content parts           | {"model":"m","messages":[{"role":"user","content":[]}]}      | messages[0].content    | invalid_value
            unknown part type             | {"model":"m","messages":[{"role":"user","content":[{"type":"video"}]}]} | messages[0].content[0].type | invalid_value
            image part in system message  | {"model":"m","messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]} | messages[0].content[0].type | invalid_value
            image part without url        | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]} | messages[0].content[0].image_url.url | missing_required_parameter
            image detail unknown          | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png","detail":"max"}}]}]} | messages[0].content[0].image_url.detail | invalid_value
            data url not base64           | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,@@@@"}}]}]} | messages[0].content[0].image_url.url | invalid_value
            data url not an image         | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:text/plain;base64,aGk="}}]}]} | messages[0].content[0].image_url.url | invalid_value
            audio part                    | {"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]} | messages[0].content[0].type | unsupported_feature
            tool without tool_call_id     | {"model":"m","messages":[USER,{"role":"tool","content":"r"}]} | messages[1].tool_call_id | missing_required_parameter
            tool answering no call        | {"model":"m","messages":[USER,{"role":"tool","content":"r","tool_call_id":"c9"}]} | messages[1].tool_call_id | invalid_value
            assistant without content     | {"model":"m","messages":[USER,{"role":"assistant"}]}         | messages[1].content    | missing_required_parameter
            tool call without id          | {"model":"m","messages":[USER,{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]}]} | messages[1].tool_calls[0].id | missing_required_parameter
            tool call arguments object    | {"model":"m","messages":[USER,{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":{}}}]}]} | messages[1].tool_calls[0].function.arguments | invalid_type
            unknown message field         | {"model":"m","messages":[{"role":"user","content":"hi","cache_control":{}}]} | messages[0].cache_control | unknown_parameter
            deprecated function role      | {"model":"m","messages":[USER,{"role":"function","name":"f","content":"r"}]} | messages[1].role | unsupported_feature
            name not a string             | {"model":"m","messages":[{"role":"user","content":"hi","name":3}]} | messages[0].name | invalid_type
            temperature above 2           | {"model":"m","messages":[USER],"temperature":2.5}            | temperature            | invalid_value
            temperature below 0           | {"model":"m","messages":[USER],"temperature":-0.1}           | temperature            | invalid_value
            temperature a string          | {"model":"m","messages":[USER],"temperature":"hot"}          | temperature            | invalid_type
            top_p above 1                 | {"model":"m","messages":[USER],"top_p":1.5}                  | top_p                  | invalid_value
            max_tokens zero               | {"model":"m","messages":[USER],"max_tokens":0}               | max_tokens             | invalid_value
            max_completion_tokens decimal | {"model":"m","messages":[USER],"max_completion_tokens":1.5}  | max_completion_tokens  | invalid_type
            both token limits differ      | {"model":"m","messages":[USER],"max_tokens":10,"max_completion_tokens":20} | max_completion_tokens | invalid_value
            stop a number                 | {"model":"m","messages":[USER],"stop":5}                     | stop                   | invalid_type
            stop too many                 | {"model":"m","messages":[USER],"stop":["a","b","c","d","e"]} | stop                   | invalid_value
            stop element a number         | {"model":"m","messages":[USER],"stop":["a",1]}               | stop[1]                | invalid_type
            seed a decimal                | {"model":"m","messages":[USER],"seed":1.5}                   | seed                   | invalid_type
            user not a string             | {"model":"m","messages":[USER],"user":1}                     | user                   | invalid_type
            stream not a boolean          | {"model":"m","messages":[USER],"stream":"yes"}               | stream                 | invalid_type
            stream_options without stream | {"model":"m","messages":[USER],"stream_options":{"include_usage":true}} | stream_options | invalid_value
            include_usage not a boolean   | {"model":"m","messages":[USER],"stream":true,"stream_options":{"include_usage":1}} | stream_options.include_usage | invalid_type
            metadata value a number       | {"model":"m","messages":[USER],"metadata":{"team":5}}        | metadata.team          | invalid_type
            metadata not an object        | {"model":"m","messages":[USER],"metadata":"x"}               | metadata               | invalid_type
            response_format unknown type  | {"model":"m","messages":[USER],"response_format":{"type":"xml"}} | response_format.type | invalid_value
            json_schema without schema    | {"model":"m","messages":[USER],"response_format":{"type":"json_schema","json_schema":{"name":"x"}}} | response_format.json_schema.schema | missing_required_parameter
            json_schema without name      | {"model":"m","messages":[USER],"response_format":{"type":"json_schema","json_schema":{"schema":{}}}} | response_format.json_schema.name | missing_required_parameter
            json_schema description       | {"model":"m","messages":[USER],"response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{},"description":"d"}}} | response_format.json_schema.description | unsupported_feature
            tools not an array            | {"model":"m","messages":[USER],"tools":{}}                   | tools                  | invalid_type
            tool without function         | {"model":"m","messages":[USER],"tools":[{"type":"function"}]} | tools[0].function     | missing_required_parameter
            tool with bad type            | {"model":"m","messages":[USER],"tools":[{"type":"retrieval","function":{"name":"f"}}]} | tools[0].type | invalid_value
            tool name with spaces         | {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"get weather"}}]} | tools[0].function.name | invalid_value
            tool parameters not object    | {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"f","parameters":[]}}]} | tools[0].function.parameters | invalid_type
            tool declared twice           | {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"f"}}]} | tools[1].function.name | invalid_value
            tool_choice unknown string    | {"model":"m","messages":[USER],"tool_choice":"always"}       | tool_choice            | invalid_value
            tool_choice names no tool     | {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}} | tool_choice | invalid_value
            tool_choice required no tools | {"model":"m","messages":[USER],"tool_choice":"required"}     | tool_choice            | invalid_value
            parallel_tool_calls a string  | {"model":"m","messages":[USER],"parallel_tool_calls":"no"}   | parallel_tool_calls    | invalid_type
            deprecated functions          | {"model":"m","messages":[USER],"functions":[{"name":"f"}]}   | functions              | unsupported_feature
            deprecated function_call      | {"model":"m","messages":[USER],"function_call":"auto"}       | function_call          | unsupported_feature
            n zero                        | {"model":"m","messages":[USER],"n":0}                        | n                      | invalid_value
            presence_penalty too high     | {"model":"m","messages":[USER],"presence_penalty":3}         | presence_penalty       | invalid_value
            logprobs not a boolean        | {"model":"m","messages":[USER],"logprobs":"yes"}             | logprobs               | invalid_type
            """)
    void namesTheOffendingParameter(String why, String body, String param, String code) {
        ArbiterException e = reject(body.replace("USER", USER));
        assertThat(e.param()).as(why).isEqualTo(param);
        assertThat(e.code()).as(why).isEqualTo(code);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).as(why).contains(param);
    }

    @Test
    void typeErrorsSayWhatWasExpectedAndWhatCame() {
        ArbiterException e = reject("{\"model\":\"m\",\"messages\":[" + USER + "],\"temperature\":\"hot\"}");
        assertThat(e.getMessage()).isEqualTo("Invalid type for 'temperature': expected a number, but got a string instead.");
    }

    @Test
    void explicitNullsCountAsAbsent() {
        var request = ingress.parseRequest(bytes("{\"model\":\"m\",\"messages\":[" + USER + "],\"temperature\":null,"
                + "\"stop\":null,\"tools\":null,\"tool_choice\":null,\"stream_options\":null,\"max_tokens\":null}"));
        assertThat(request.temperature()).isNull();
        assertThat(request.stop()).isEmpty();
        assertThat(request.hasExtra()).isFalse();
    }

    private ArbiterException reject(String body) {
        return (ArbiterException) org.assertj.core.api.Assertions.catchThrowable(() -> ingress.parseRequest(bytes(body)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void neverLetsARawExceptionEscapeOnDeeplyNestedInput() {
        String deep = "{\"model\":\"m\",\"messages\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> ingress.parseRequest(bytes(deep))).isInstanceOfSatisfying(ArbiterException.class,
                e -> assertThat(e.code()).isEqualTo("invalid_json"));
    }
}
