package dev.arbiter.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Valid request bodies for {@code test/gpt} in OpenAI Chat Completions or Anthropic Messages form, with a seeded
 * random pick of the optional parts (image parts, a tool call and its result, tools, response formats, sampling
 * and stop settings, streaming; not Anthropic's {@code top_k}, which an OpenAI upstream refuses), so fuzzing starts from every shape the parsers accept.
 */
final class ValidRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A 1x1 transparent PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final Random random;

    ValidRequests(Random random) {
        this.random = random;
    }

    ObjectNode openAi() {
        ObjectNode root = NODES.objectNode().put("model", "test/gpt");
        ArrayNode messages = root.putArray("messages");
        if (random.nextBoolean()) {
            messages.addObject().put("role", "system").put("content", "Be brief.");
        }
        if (random.nextInt(3) == 0) {
            ArrayNode parts = messages.addObject().put("role", "user").putArray("content");
            parts.addObject().put("type", "text").put("text", "What is in this picture?");
            String url = random.nextBoolean() ? "https://example.com/cat.png" : "data:image/png;base64," + PNG;
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", url).put("detail", "low");
        } else {
            messages.addObject().put("role", "user").put("content", "Hello there");
        }
        boolean toolTurn = random.nextInt(3) == 0;
        if (toolTurn) {
            ObjectNode call = messages.addObject().put("role", "assistant").putNull("content").putArray("tool_calls").addObject()
                    .put("id", "call_1").put("type", "function");
            call.putObject("function").put("name", "weather").put("arguments", "{\"city\":\"Paris\"}");
            messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "Sunny, 21 C");
        }
        if (toolTurn || random.nextInt(3) == 0) {
            root.putArray("tools").add(openAiTool());
            root.put("tool_choice", random.nextBoolean() ? "auto" : "required");
        }
        sampling(root);
        if (random.nextInt(5) == 0) {
            root.put("max_completion_tokens", 1 + random.nextInt(1000)).put("seed", random.nextInt()).put("user", "u-1");
        }
        if (random.nextInt(5) == 0) {
            root.putArray("stop").add("\n\n").add("END");
        }
        if (random.nextInt(5) == 0) {
            root.set("response_format", responseFormat());
        }
        if (random.nextInt(4) == 0) {
            root.put("stream", true).putObject("stream_options").put("include_usage", random.nextBoolean());
        }
        return root;
    }

    ObjectNode anthropic() {
        ObjectNode root = NODES.objectNode().put("model", "test/gpt").put("max_tokens", 1 + random.nextInt(1000));
        if (random.nextBoolean()) {
            root.put("system", "Be brief.");
        }
        ArrayNode messages = root.putArray("messages");
        if (random.nextInt(3) == 0) {
            ArrayNode blocks = messages.addObject().put("role", "user").putArray("content");
            blocks.addObject().put("type", "text").put("text", "What is in this picture?");
            ObjectNode source = blocks.addObject().put("type", "image").putObject("source");
            if (random.nextBoolean()) {
                source.put("type", "base64").put("media_type", "image/png").put("data", PNG);
            } else {
                source.put("type", "url").put("url", "https://example.com/cat.png");
            }
        } else {
            messages.addObject().put("role", "user").put("content", "Hello there");
        }
        boolean toolTurn = random.nextInt(3) == 0;
        if (toolTurn) {
            ArrayNode blocks = messages.addObject().put("role", "assistant").putArray("content");
            blocks.addObject().put("type", "text").put("text", "Let me check.");
            blocks.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "weather").putObject("input").put("city", "Paris");
            messages.addObject().put("role", "user").putArray("content").addObject()
                    .put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", "Sunny, 21 C");
        }
        if (toolTurn || random.nextInt(3) == 0) {
            root.putArray("tools").addObject().put("name", "weather").put("description", "Weather in a city")
                    .set("input_schema", schema());
            root.putObject("tool_choice").put("type", random.nextBoolean() ? "auto" : "any");
        }
        sampling(root);
        if (random.nextInt(5) == 0) {
            root.putObject("metadata").put("user_id", "u-1");
            root.putArray("stop_sequences").add("END");
        }
        if (random.nextInt(6) == 0) {
            root.putObject("output_config").putObject("format").put("type", "json_schema").set("schema", schema());
        }
        if (random.nextInt(4) == 0) {
            root.put("stream", true);
        }
        return root;
    }

    private void sampling(ObjectNode root) {
        if (random.nextBoolean()) {
            root.put("temperature", random.nextInt(11) / 10.0);
        }
        if (random.nextInt(4) == 0) {
            root.put("top_p", random.nextInt(11) / 10.0);
        }
    }

    private ObjectNode openAiTool() {
        ObjectNode tool = NODES.objectNode().put("type", "function");
        tool.putObject("function").put("name", "weather").put("description", "Weather in a city").set("parameters", schema());
        return tool;
    }

    private ObjectNode responseFormat() {
        if (random.nextBoolean()) {
            return NODES.objectNode().put("type", "json_object");
        }
        ObjectNode format = NODES.objectNode().put("type", "json_schema");
        format.putObject("json_schema").put("name", "answer").put("strict", true).set("schema", schema());
        return format;
    }

    private static ObjectNode schema() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string");
        schema.putArray("required").add("city");
        schema.put("additionalProperties", false);
        return schema;
    }
}
