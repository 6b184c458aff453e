package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile request bodies from a seeded {@link Random}, so a failing run can be replayed: random bytes, cut-off
 * requests, valid requests with values swapped for random JSON, nulls, odd unicode, duplicate keys, numbers out of
 * range, deep nesting and strings near the body limit. Bodies start from a valid request for the chosen API.
 */
final class FuzzBodies {
    /** One generated body and the kind of damage done to it (for failure reports). */
    record Body(String kind, byte[] bytes) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_NUMBERS = {"1e400", "-1e400", "4.9e-330", "-0", "0.0", "1E2", "99999999999999999999999999",
            "-9223372036854775809", "9223372036854775808", "2147483648", "-2147483649", "1.0000000000000000000000001",
            "123456789".repeat(150), "0.5", "2", "-1", "3.14e+00"};
    private static final String[] ODD_STRINGS = {"", " ", "\u0000", "\\", "\"", "\u2028\u2029", "\uD83D\uDE00", "\uD800",
            "\uDFFF", "\uFEFF", "\u202E", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "null", "{}", "[]", "test/gpt", "user", "assistant", "tool", "system"};

    private final Random random;
    private final ValidRequests requests;
    private final long maxBodyBytes;

    FuzzBodies(Random random, long maxBodyBytes) {
        this.random = random;
        this.requests = new ValidRequests(random);
        this.maxBodyBytes = maxBodyBytes;
    }

    Body next(boolean anthropic) {
        int dice = random.nextInt(100);
        if (dice < 8) {
            return new Body("random bytes", randomBytes(random.nextInt(300)));
        }
        if (dice < 14) {
            return new Body("token soup", tokenSoup().getBytes(StandardCharsets.UTF_8));
        }
        String valid = Json.text(valid(anthropic));
        if (dice < 24) {
            return new Body("truncated", valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8));
        }
        if (dice < 28) {
            return new Body("valid", valid.getBytes(StandardCharsets.UTF_8));
        }
        return damaged(dice, anthropic, valid);
    }

    private Body damaged(int dice, boolean anthropic, String valid) {
        if (dice < 50) {
            return text("mutated", mutate(valid(anthropic)));
        }
        if (dice < 58) {
            return text("nulls", nulls(valid(anthropic), 0.1 + random.nextDouble() * 0.5));
        }
        if (dice < 66) {
            return text("odd unicode", unicode(valid(anthropic)));
        }
        if (dice < 72) {
            return new Body("invalid utf-8", corruptBytes(valid.getBytes(StandardCharsets.UTF_8)));
        }
        if (dice < 80) {
            return new Body("duplicate keys", duplicateKeys(valid).getBytes(StandardCharsets.UTF_8));
        }
        if (dice < 89) {
            return new Body("odd numbers", oddNumbers(valid).getBytes(StandardCharsets.UTF_8));
        }
        if (dice < 97) {
            return new Body("deep nesting", deepNesting(valid).getBytes(StandardCharsets.UTF_8));
        }
        return new Body("huge string", hugeString(anthropic).getBytes(StandardCharsets.UTF_8));
    }

    private static Body text(String kind, JsonNode tree) {
        return new Body(kind, Json.bytes(tree));
    }

    private ObjectNode valid(boolean anthropic) {
        return anthropic ? requests.anthropic() : requests.openAi();
    }

    /** Replaces one to three random values anywhere in the tree (or adds a field) with random JSON. */
    private JsonNode mutate(ObjectNode root) {
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (random.nextInt(5) == 0 && slot.parent() instanceof ObjectNode obj) {
                obj.set(randomKey(), randomValue(3));
            } else {
                slot.set(randomValue(3));
            }
        }
        return root;
    }

    /** A place in the tree holding a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode obj) {
                obj.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                out.add(new Slot(obj, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new Slot(array, null, i));
                collect(array.get(i), out);
            }
        }
    }

    private JsonNode nulls(ObjectNode root, double probability) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        for (Slot slot : slots) {
            if (random.nextDouble() < probability) {
                slot.set(NODES.nullNode());
            }
        }
        return root;
    }

    /** Every string value (and sometimes a key) becomes odd unicode: controls, lone surrogates, RTL marks, astral. */
    private JsonNode unicode(ObjectNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        for (Slot slot : slots) {
            JsonNode current = slot.parent() instanceof ObjectNode o ? o.get(slot.field()) : slot.parent().get(slot.index());
            if (current.isTextual() && random.nextInt(3) > 0) {
                slot.set(NODES.textNode(randomString()));
            }
        }
        if (random.nextBoolean()) {
            root.put(randomString(), randomString());
        }
        return root;
    }

    JsonNode randomValue(int depth) {
        int pick = random.nextInt(depth > 0 ? 9 : 7);
        return switch (pick) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(2001) - 1000);
            case 3 -> NODES.numberNode(random.nextInt(3) == 0 ? random.nextGaussian() * 1e6 : random.nextDouble() * 3);
            case 4 -> NODES.numberNode(new BigInteger(100, random).negate());
            case 5, 6 -> NODES.textNode(random.nextBoolean() ? ODD_STRINGS[random.nextInt(ODD_STRINGS.length)] : randomString());
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode obj = NODES.objectNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    obj.set(randomKey(), randomValue(depth - 1));
                }
                yield obj;
            }
        };
    }

    private String randomKey() {
        String[] known = {"model", "messages", "role", "content", "type", "text", "tools", "tool_choice", "max_tokens",
                "temperature", "stream", "stream_options", "response_format", "image_url", "url", "name", "tool_calls",
                "function", "arguments", "parameters", "input_schema", "system", "metadata", "stop", "seed", "top_p"};
        return random.nextInt(4) == 0 ? randomString() : known[random.nextInt(known.length)];
    }

    String randomString() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(24);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(6);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20);                         // control characters
                case 1 -> 0x20 + random.nextInt(0x5F);                  // printable ASCII
                case 2 -> 0xD800 + random.nextInt(0x800);               // lone surrogates
                case 3 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000); // astral planes
                case 4 -> 0x80 + random.nextInt(0xD800 - 0x80);         // the rest of the BMP
                default -> 0xE000 + random.nextInt(0x2000);             // private use, BOM, specials
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] corruptBytes(byte[] valid) {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {0}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(valid.length);
        byte[] out = new byte[valid.length + insert.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(valid, at, out, at + insert.length, valid.length - at);
        return out;
    }

    private String tokenSoup() {
        String[] tokens = {"{", "}", "[", "]", ":", ",", "\"", "\"model\"", "\"messages\"", "null", "true", "fals", "1", "-",
                "1e", ".5", "\"\\u12\"", "\\", " ", "\n", "NaN", "Infinity", "/*", "'x'", "\"test/gpt\""};
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(tokens[random.nextInt(tokens.length)]);
        }
        return sb.toString();
    }

    /** Repeats a key right after the opening brace, or a known field with a random value: last one wins in Jackson. */
    private String duplicateKeys(String valid) {
        String key = random.nextBoolean() ? "model" : randomKey();
        String value = Json.text(randomValue(1));
        String inserted = "\"" + key + "\":" + value + ",";
        return random.nextBoolean() ? "{" + inserted + valid.substring(1)
                : valid.substring(0, valid.length() - 1) + "," + inserted.substring(0, inserted.length() - 1) + "}";
    }

    /** Sets a numeric field to a number Java types cannot hold, or one of the wrong kind. */
    private String oddNumbers(String valid) {
        String[] fields = {"temperature", "top_p", "max_tokens", "max_completion_tokens", "seed", "top_k", "n"};
        String field = fields[random.nextInt(fields.length)];
        String number = ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)];
        return valid.substring(0, valid.length() - 1) + ",\"" + field + "\":" + number + "}";
    }

    /** Nests arrays or objects from just inside to far beyond the parser's depth limit, at a random place. */
    private String deepNesting(String valid) {
        int depth = random.nextBoolean() ? 1 + random.nextInt(300) : 250 + random.nextInt(5000);
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String field = random.nextBoolean() ? "content" : randomKey();
        int at = valid.indexOf("\"" + field + "\":");
        if (at < 0) {
            return valid.substring(0, valid.length() - 1) + ",\"" + field + "\":" + nested + "}";
        }
        int valueStart = at + field.length() + 3;
        return valid.substring(0, valueStart) + nested + "," + "\"x" + random.nextInt(1000) + "\":" + valid.substring(valueStart);
    }

    /** A user message whose text brings the body to within a few KB either side of the limit. */
    private String hugeString(boolean anthropic) {
        ObjectNode root = valid(anthropic);
        long target = maxBodyBytes - 2048 + random.nextInt(4096);
        String without = Json.text(root);
        int size = (int) Math.max(0, target - without.length());
        JsonNode messages = root.get("messages");
        ((ObjectNode) messages.get(messages.size() - 1)).put("content", "y".repeat(size));
        return Json.text(root);
    }
}
