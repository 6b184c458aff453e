package dev.arbiter.core.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Per-1M-token input/output prices by model (a JSON object like routing/llmrouter-models.json:
 * {"model": {"input_price": 0.2, "output_price": 0.2, "model": "vendor/alias"?}}), used to estimate a call's cost
 * when the outcome file has none. The estimate is crude on purpose and documented: input tokens = prompt
 * characters / 4 (rounded up; the usual English rule of thumb) and a fixed {@value #ASSUMED_OUTPUT_TOKENS}
 * output tokens per answer.
 */
public final class PriceTable {
    public static final int ASSUMED_OUTPUT_TOKENS = 256;
    public static final int CHARS_PER_TOKEN = 4;

    private record Price(double inputPerMillion, double outputPerMillion) {
    }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = prices;
    }

    public static PriceTable read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ReplayException("cannot read prices file " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (RuntimeException e) {
            throw new ReplayException("malformed prices file " + file.getFileName() + ": " + Json.syntaxProblem(e));
        }
        return parse(file.getFileName().toString(), root);
    }

    static PriceTable parse(String name, JsonNode root) {
        if (!root.isObject()) {
            throw new ReplayException("malformed prices file " + name + ": expected an object of model -> prices");
        }
        Map<String, Price> prices = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode in = e.getValue().get("input_price");
            JsonNode out = e.getValue().get("output_price");
            if (in == null || out == null || !in.isNumber() || !out.isNumber() || in.asDouble() < 0 || out.asDouble() < 0) {
                throw new ReplayException("malformed prices file " + name + ": " + e.getKey()
                        + " needs non-negative numbers input_price and output_price (USD per 1M tokens)");
            }
            Price price = new Price(in.asDouble(), out.asDouble());
            prices.put(e.getKey(), price);
            String alias = Json.textOrNull(e.getValue(), "model");
            if (alias != null) {
                prices.putIfAbsent(alias, price);
            }
        }
        return new PriceTable(prices);
    }

    public boolean knows(String model) {
        return prices.containsKey(model);
    }

    /** Estimated USD cost of answering {@code prompt} with {@code model}, which must be {@link #knows known}. */
    public double estimateUsd(String model, String prompt) {
        Price p = prices.get(model);
        long inputTokens = (prompt.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return (inputTokens * p.inputPerMillion() + ASSUMED_OUTPUT_TOKENS * p.outputPerMillion()) / 1_000_000.0;
    }
}
