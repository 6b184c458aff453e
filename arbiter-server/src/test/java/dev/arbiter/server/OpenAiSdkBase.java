package dev.arbiter.server;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh gateway harness and an official OpenAI Java SDK client pointed at it, for each test. */
abstract class OpenAiSdkBase {
    GatewayHarness harness;
    OpenAIClient client;

    @BeforeEach
    void startGatewayAndClient() {
        harness = new GatewayHarness();
        client = openAiClient(harness.baseUrl());
    }

    @AfterEach
    void stopGatewayAndClient() {
        client.close();
        harness.close();
    }

    /**
     * The SDK as an application would configure it, with any key; retries off so an error surfaces at once,
     * and strict response validation so any field the SDK cannot read fails the test.
     */
    static OpenAIClient openAiClient(URI gateway) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(gateway + "/v1")
                .apiKey("sk-any-key-works")
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    /** What the structured-output tests ask for; the SDK derives the JSON schema from these fields. */
    public static class CityFacts {
        public String city;
        public long population;
        public List<String> landmarks;
    }

    static ChatCompletionCreateParams.Builder ask(String model, String question) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(question);
    }

    /** {@code get_weather(city: string, unit: "c"|"f")}, both required, nothing else allowed. */
    static final String WEATHER_SCHEMA = """
            {"type": "object",
             "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["c", "f"]}},
             "required": ["city", "unit"],
             "additionalProperties": false}""";

    static ChatCompletionFunctionTool weatherTool() {
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name("get_weather")
                        .description("Current weather in a city")
                        .parameters(FunctionParameters.builder()
                                .putAllAdditionalProperties(jsonObject(WEATHER_SCHEMA))
                                .build())
                        .build())
                .build();
    }

    /** A JSON object's fields as the SDK's values, for its builders' {@code putAllAdditionalProperties}. */
    static Map<String, JsonValue> jsonObject(String json) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        Json.parse(json).properties().forEach(e -> fields.put(e.getKey(), JsonValue.fromJsonNode(e.getValue())));
        return fields;
    }
}
