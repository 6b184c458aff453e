package dev.arbiter.core.ingress.openai;

import static dev.arbiter.core.ingress.openai.Fields.get;
import static dev.arbiter.core.ingress.openai.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.chat.ResponseFormat;
import dev.arbiter.core.chat.ToolChoice;
import dev.arbiter.core.chat.ToolDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates {@code tools}, {@code tool_choice} and {@code response_format}. */
final class OpenAiToolParser {
    /** OpenAI's rule for function and schema names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private OpenAiToolParser() {
    }

    static List<ToolDefinition> tools(ArrayNode tools) {
        if (tools == null) {
            return List.of();
        }
        List<ToolDefinition> out = new ArrayList<>(tools.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition tool = tool(tools.get(i), path("tools", i));
            if (!names.add(tool.name())) {
                throw Fields.invalid(path("tools", i) + ".function.name", "the function name '" + tool.name()
                        + "' is declared twice.");
            }
            out.add(tool);
        }
        return out;
    }

    private static ToolDefinition tool(JsonNode node, String p) {
        Fields.requireObject(node, p);
        Fields.onlyKnown(node, Set.of("type", "function"), p);
        String type = Fields.requiredString(node, "type", p);
        if (type.equals("custom")) {
            throw Fields.unsupported(path(p, "type"), "custom tools are not supported; declare a function tool.");
        }
        if (!type.equals("function")) {
            throw Fields.invalid(path(p, "type"), "expected 'function', but got '" + type + "' instead.");
        }
        String fp = path(p, "function");
        JsonNode function = Fields.requireObject(get(node, "function"), fp);
        Fields.onlyKnown(function, Set.of("name", "description", "parameters", "strict"), fp);
        String name = Fields.requiredString(function, "name", fp);
        checkName(name, path(fp, "name"));
        return new ToolDefinition(name, Fields.string(function, "description", fp),
                Fields.object(function, "parameters", fp), Fields.bool(function, "strict", fp));
    }

    static ToolChoice toolChoice(JsonNode choice, List<ToolDefinition> tools) {
        if (choice == null) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> requireTools(ToolChoice.REQUIRED, tools);
                default -> throw Fields.invalid("tool_choice", "expected one of none, auto, required or a function "
                        + "object, but got '" + choice.asText() + "' instead.");
            };
        }
        if (!choice.isObject()) {
            throw Fields.typeError("tool_choice", "a string or an object", choice);
        }
        String type = Fields.requiredString(choice, "type", "tool_choice");
        if (!type.equals("function")) {
            throw type.equals("allowed_tools") || type.equals("custom")
                    ? Fields.unsupported("tool_choice.type", "'" + type + "' tool choices are not supported.")
                    : Fields.invalid("tool_choice.type", "expected 'function', but got '" + type + "' instead.");
        }
        Fields.onlyKnown(choice, Set.of("type", "function"), "tool_choice");
        JsonNode function = Fields.requireObject(get(choice, "function"), "tool_choice.function");
        String name = Fields.requiredString(function, "name", "tool_choice.function");
        if (tools.stream().noneMatch(t -> t.name().equals(name))) {
            throw Fields.invalid("tool_choice", "it names the function '" + name + "', which is not declared in 'tools'.");
        }
        return ToolChoice.function(name);
    }

    private static ToolChoice requireTools(ToolChoice choice, List<ToolDefinition> tools) {
        if (tools.isEmpty()) {
            throw Fields.invalid("tool_choice", "'required' needs at least one tool in 'tools'.");
        }
        return choice;
    }

    static ResponseFormat responseFormat(ObjectNode format) {
        if (format == null) {
            return null;
        }
        String type = Fields.requiredString(format, "type", "response_format");
        return switch (type) {
            case "text" -> only(format, ResponseFormat.TEXT);
            case "json_object" -> only(format, ResponseFormat.JSON_OBJECT);
            case "json_schema" -> jsonSchema(format);
            default -> throw Fields.invalid("response_format.type",
                    "expected one of text, json_object, json_schema, but got '" + type + "' instead.");
        };
    }

    private static ResponseFormat only(ObjectNode format, ResponseFormat value) {
        Fields.onlyKnown(format, Set.of("type"), "response_format");
        return value;
    }

    private static ResponseFormat jsonSchema(ObjectNode format) {
        Fields.onlyKnown(format, Set.of("type", "json_schema"), "response_format");
        String p = "response_format.json_schema";
        JsonNode spec = Fields.requireObject(get(format, "json_schema"), p);
        Fields.onlyKnown(spec, Set.of("name", "description", "schema", "strict"), p);
        if (get(spec, "description") != null) {
            throw Fields.unsupported(path(p, "description"), "a schema description cannot be carried to every upstream; "
                    + "put it in the schema's own \"description\" keyword instead.");
        }
        String name = Fields.requiredString(spec, "name", p);
        checkName(name, path(p, "name"));
        ObjectNode schema = Fields.object(spec, "schema", p);
        if (schema == null) {
            throw Fields.missing(path(p, "schema"));
        }
        return ResponseFormat.jsonSchema(name, schema, Fields.bool(spec, "strict", p));
    }

    private static void checkName(String name, String param) {
        if (!NAME.matcher(name).matches()) {
            throw Fields.invalid(param, "'" + name + "' must be 1 to 64 characters of a-z, A-Z, 0-9, '_' or '-'.");
        }
    }
}
