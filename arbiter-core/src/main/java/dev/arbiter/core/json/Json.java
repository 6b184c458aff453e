package dev.arbiter.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** The one shared Jackson mapper and a few tree helpers every codec uses. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // Bound nesting so a hostile body cannot exhaust the stack of a request thread.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
    }

    /** Jackson's source reference inside a location ("[Source: REDACTED (...); line: 1, column: 35]"). */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]");

    private Json() {
    }

    /**
     * Why a {@link #parse} failed, in one line a caller can act on: the parser's reason and where (e.g.
     * "Unexpected end-of-input: expected close marker for Array at line 1, column 36"), without Jackson's
     * source reference or any exception class name.
     */
    public static String syntaxProblem(RuntimeException failure) {
        Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof JsonProcessingException problem)) {
            return "unreadable JSON";
        }
        String reason = String.valueOf(problem.getOriginalMessage()).lines().findFirst().orElse("").strip();
        reason = SOURCE_REFERENCE.matcher(reason).replaceAll("$1");
        JsonLocation at = problem.getLocation();
        return at == null || at.getLineNr() < 0 ? reason : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses JSON text; throws JsonProcessingException wrapped as UncheckedIOException on malformed input. */
    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a field, or null when it is absent or JSON null. */
    public static String textOrNull(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A long field, or 0 when absent. */
    public static long longOrZero(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? 0L : v.asLong();
    }
}
