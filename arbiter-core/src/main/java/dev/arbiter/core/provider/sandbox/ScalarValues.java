package dev.arbiter.core.provider.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Plausible scalar values for a schema: strings named after their property (or in the requested format),
 * and numbers inside minimum/maximum (inclusive or exclusive, draft 4 or later) rounded to multipleOf.
 */
final class ScalarValues {
    private static final double DEFAULT_NUMBER = 1.5;
    private static final long DEFAULT_INTEGER = 1;

    /** One end of a numeric range. */
    private record Bound(double value, boolean exclusive) {
    }

    private ScalarValues() {
    }

    /** Free text for a property with no further constraints: "example city name" for {@code cityName}. */
    static String text(String name) {
        return "example " + words(name);
    }

    static String string(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String value = switch (format) {
            case "date" -> "2025-01-15";
            case "date-time" -> "2025-01-15T10:30:00Z";
            case "time" -> "10:30:00Z";
            case "duration" -> "P1D";
            case "email", "idn-email" -> "user@example.com";
            case "uri", "url", "iri" -> "https://example.com/" + slug(name);
            case "uri-reference", "iri-reference" -> "/" + slug(name);
            case "uuid" -> UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            case "hostname", "idn-hostname" -> "example.com";
            case "ipv4" -> "192.0.2.1";
            case "ipv6" -> "2001:db8::1";
            default -> null;
        };
        return value != null ? value : fitLength(text(name), schema);
    }

    static long integer(JsonNode schema) {
        Bound lower = lower(schema);
        Bound upper = upper(schema);
        long min = lower == null ? Long.MIN_VALUE
                : lower.exclusive() ? (long) Math.floor(lower.value()) + 1 : (long) Math.ceil(lower.value());
        long max = upper == null ? Long.MAX_VALUE
                : upper.exclusive() ? (long) Math.ceil(upper.value()) - 1 : (long) Math.floor(upper.value());
        long value = lower != null && upper != null ? min + (max - min) / 2 : Math.clamp(DEFAULT_INTEGER, min, max);
        double step = schema.path("multipleOf").asDouble(0);
        if (step > 0) {
            double stepped = Math.ceil(value / step) * step;
            value = (long) (stepped <= max ? stepped : Math.floor(max / step) * step);
        }
        return value;
    }

    static double number(JsonNode schema) {
        Bound lower = lower(schema);
        Bound upper = upper(schema);
        double value = DEFAULT_NUMBER;
        if (lower != null && upper != null) {
            value = (lower.value() + upper.value()) / 2;
        } else if (lower != null && (value < lower.value() || lower.exclusive() && value <= lower.value())) {
            value = lower.value() + 1;
        } else if (upper != null && (value > upper.value() || upper.exclusive() && value >= upper.value())) {
            value = upper.value() - 1;
        }
        double step = schema.path("multipleOf").asDouble(0);
        if (step > 0) {
            double stepped = Math.ceil(value / step) * step;
            value = upper == null || stepped < upper.value() ? stepped : Math.floor(value / step) * step;
        }
        return value;
    }

    private static Bound lower(JsonNode schema) {
        JsonNode exclusive = schema.get("exclusiveMinimum");
        if (exclusive != null && exclusive.isNumber()) {
            return new Bound(exclusive.asDouble(), true);
        }
        JsonNode minimum = schema.get("minimum");
        return minimum == null || !minimum.isNumber() ? null
                : new Bound(minimum.asDouble(), exclusive != null && exclusive.asBoolean());
    }

    private static Bound upper(JsonNode schema) {
        JsonNode exclusive = schema.get("exclusiveMaximum");
        if (exclusive != null && exclusive.isNumber()) {
            return new Bound(exclusive.asDouble(), true);
        }
        JsonNode maximum = schema.get("maximum");
        return maximum == null || !maximum.isNumber() ? null
                : new Bound(maximum.asDouble(), exclusive != null && exclusive.asBoolean());
    }

    private static String fitLength(String value, JsonNode schema) {
        StringBuilder out = new StringBuilder(value);
        int minLength = schema.path("minLength").asInt(0);
        while (out.length() < minLength) {
            out.append('x');
        }
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }

    /** "cityName" and "city_name" both become "city name". */
    private static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ");
        return spaced.toLowerCase(Locale.ROOT).strip();
    }

    private static String slug(String name) {
        return words(name).replace(' ', '-');
    }
}
