package dev.arbiter.core.provider.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ToolDefinition;
import dev.arbiter.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Catalog entries, a sandbox over them and request helpers shared by the sandbox tests. */
final class SandboxFixtures {
    static final ModelEntry GPT = entry("openai/gpt-5.4", Price.of(1.25, 10),
            Set.of(Capability.TOOLS, Capability.JSON_SCHEMA, Capability.VISION));
    static final ModelEntry MINI = entry("openai/gpt-5.4-mini", Price.of(0.05, 0.4),
            Set.of(Capability.TOOLS, Capability.JSON_SCHEMA));
    static final ModelEntry OPUS = entry("anthropic/claude-opus-4-6", Price.of(15, 75),
            Set.of(Capability.TOOLS, Capability.VISION, Capability.REASONING));

    private SandboxFixtures() {
    }

    static ModelEntry entry(String id, Price price, Set<Capability> capabilities) {
        String vendor = id.substring(0, id.indexOf('/'));
        return new ModelEntry(id, List.of(id.substring(id.indexOf('/') + 1)), vendor, id.substring(id.indexOf('/') + 1),
                price, 200_000, 32_000, capabilities, vendor, "us", Map.of());
    }

    static SandboxProvider sandbox(Pacer pacer) {
        return SandboxProvider.fromCatalog(List.of(GPT, MINI, OPUS), pacer).provider();
    }

    static ChatRequest ask(String model, String question) {
        return ChatRequest.builder(model).messages(Message.user(question)).build();
    }

    static ToolDefinition tool(String name, String schemaJson) {
        return new ToolDefinition(name, "test tool " + name, (ObjectNode) Json.parse(schemaJson), null);
    }

    static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{
              "city":{"type":"string","minLength":2},
              "unit":{"type":"string","enum":["celsius","fahrenheit"]},
              "days":{"type":"integer","minimum":1,"maximum":14}},
             "required":["city","unit"],"additionalProperties":false}""";
}
