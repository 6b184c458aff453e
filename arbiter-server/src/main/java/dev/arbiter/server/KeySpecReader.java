package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.tenancy.KeySpec;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /admin/keys} ({@code user}, {@code team}, optional {@code models}, {@code budget}
 * {usd, period (default month)} and {@code limits} {rpm, tpm}) strictly: any malformed JSON, wrong type, unknown
 * field or out-of-range value is a 400 naming the field.
 */
final class KeySpecReader {
    private static final Set<String> FIELDS = Set.of("user", "team", "models", "budget", "limits");
    private static final Set<String> BUDGET_FIELDS = Set.of("usd", "period");
    private static final Set<String> LIMIT_FIELDS = Set.of("rpm", "tpm");
    private static final int MAX_NAME = 256;

    private KeySpecReader() {
    }

    static KeySpec read(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new ArbiterException(ErrorKind.CALLER_INVALID_REQUEST,
                    "The request body is not valid JSON: " + Json.syntaxProblem(e) + ".", null, "invalid_json", null);
        }
        JsonNode spec = object(root, "", FIELDS);
        return new KeySpec(name(spec, "user"), name(spec, "team"), models(spec.get("models")),
                budget(spec.get("budget")), limits(spec.get("limits")));
    }

    /** The node as an object with only known fields; {@code path} is "" for the body itself. */
    private static JsonNode object(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw invalid(path.isEmpty() ? null : path, (path.isEmpty() ? "The request body" : "'" + path + "'")
                    + " must be a JSON object, got " + kind(node) + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!known.contains(field)) {
                String at = path.isEmpty() ? field : path + "." + field;
                throw invalid(at, "Unknown field '" + at + "'; expected one of: "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        return node;
    }

    private static String name(JsonNode spec, String field) {
        JsonNode node = spec.get(field);
        if (node == null || node.isNull()) {
            throw invalid(field, "'" + field + "' is required: the " + field + " this key is issued to.");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid(field, "'" + field + "' must be a non-empty string, got " + kind(node) + ".");
        }
        String text = node.asText().strip();
        if (text.length() > MAX_NAME || text.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, "'" + field + "' must be at most " + MAX_NAME + " characters without control characters.");
        }
        return text;
    }

    private static List<String> models(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("models", "'models' must be a list of model or route names, got " + kind(node) + ".");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                throw invalid("models[" + i + "]", "'models[" + i + "]' must be a non-empty string, got " + kind(item) + ".");
            }
            if (!out.contains(item.asText().strip())) {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    private static BudgetSpec budget(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, "budget", BUDGET_FIELDS);
        JsonNode usd = node.get("usd");
        if (usd == null || usd.isNull()) {
            throw invalid("budget.usd", "'budget.usd' is required: the budget in US dollars, e.g. 50.");
        }
        if (!usd.isNumber()) {
            throw invalid("budget.usd", "'budget.usd' must be a number, got " + kind(usd) + ".");
        }
        BigDecimal amount = decimal(usd);
        if (amount.signum() < 0) {
            throw invalid("budget.usd", "'budget.usd' must be zero or more, got " + amount.toPlainString() + ".");
        }
        return new BudgetSpec(amount, period(node.get("period")));
    }

    /** A number too large for a double (1e400) parses as infinity, which has no decimal value. */
    private static BigDecimal decimal(JsonNode usd) {
        if ((usd.isDouble() || usd.isFloat()) && !Double.isFinite(usd.doubleValue())) {
            throw invalid("budget.usd", "'budget.usd' is out of range.");
        }
        return usd.decimalValue();
    }

    private static Period period(JsonNode node) {
        if (node == null || node.isNull()) {
            return Period.MONTH;
        }
        String text = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        for (Period p : Period.values()) {
            if (p.label().equals(text)) {
                return p;
            }
        }
        throw invalid("budget.period", "'budget.period' must be one of day, week, month; got " + kind(node) + ".");
    }

    private static RateLimitSpec limits(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, "limits", LIMIT_FIELDS);
        Long rpm = positive(node.get("rpm"), "limits.rpm");
        Long tpm = positive(node.get("tpm"), "limits.tpm");
        return rpm == null && tpm == null ? null : new RateLimitSpec(rpm, tpm);
    }

    private static Long positive(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw invalid(path, "'" + path + "' must be a positive whole number (omit it for no limit), got "
                    + kind(node) + ".");
        }
        return node.longValue();
    }

    private static ArbiterException invalid(String param, String message) {
        return ArbiterException.invalid(param, message);
    }

    /** How a value is described in messages: its JSON text for scalars, its kind for containers. */
    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case NULL -> "null";
            default -> abbreviated(node.toString());
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
