package dev.arbiter.server;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh gateway harness and an official Anthropic Java SDK client pointed at it, for each test. */
abstract class AnthropicSdkBase {
    GatewayHarness harness;
    AnthropicClient client;

    @BeforeEach
    void startGatewayAndClient() {
        harness = new GatewayHarness();
        client = anthropicClient(harness.baseUrl());
    }

    @AfterEach
    void stopGatewayAndClient() {
        client.close();
        harness.close();
    }

    /**
     * The SDK as an application would configure it (it appends {@code /v1/messages} to the base URL), with any
     * key; retries off so an error surfaces at once, strict response validation so any unreadable field fails.
     */
    static AnthropicClient anthropicClient(URI gateway) {
        return AnthropicOkHttpClient.builder()
                .baseUrl(gateway.toString())
                .apiKey("sk-ant-any-key-works")
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    static MessageCreateParams.Builder ask(String model, String question) {
        return MessageCreateParams.builder().model(model).maxTokens(1024).addUserMessage(question);
    }

    /** {@code get_weather(city: string, unit: "c"|"f")} with {@link OpenAiSdkBase#WEATHER_SCHEMA} as its input schema. */
    static Tool weatherTool() {
        JsonNode schema = Json.parse(OpenAiSdkBase.WEATHER_SCHEMA);
        return Tool.builder()
                .name("get_weather")
                .description("Current weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAllAdditionalProperties(fields(schema.get("properties")))
                                .build())
                        .required(List.of("city", "unit"))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                        .build())
                .build();
    }

    /** A tool's input as parsed by the SDK, as a Jackson tree to compare with what was scripted. */
    static JsonNode tree(JsonValue value) {
        return value.convert(JsonNode.class);
    }

    private static Map<String, JsonValue> fields(JsonNode object) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        object.properties().forEach(e -> fields.put(e.getKey(), JsonValue.fromJsonNode(e.getValue())));
        return fields;
    }
}
