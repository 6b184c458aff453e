package dev.arbiter.server;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of a Prometheus text-format scrape, finding a series by name and a subset of its labels. */
final class PromText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    PromText(String text) {
        this.text = text;
    }

    /** The value of the one series named {@code name} whose labels include all of {@code labels}, if any. */
    OptionalDouble value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name) && labels(m.group(2)).entrySet().containsAll(labels.entrySet())) {
                return OptionalDouble.of(Double.parseDouble(m.group(3)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The value, or 0 when no such series exists yet. */
    double valueOrZero(String name, Map<String, String> labels) {
        return value(name, labels).orElse(0);
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> out = new HashMap<>();
        if (body != null) {
            Matcher m = LABEL.matcher(body);
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }
}
