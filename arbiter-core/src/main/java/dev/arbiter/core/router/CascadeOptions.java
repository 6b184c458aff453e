package dev.arbiter.core.router;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A cascade route's options: {@code first_try_bar} (the lower bar the first, cheap try must meet; default 0.5),
 * {@code max_tries} (models called at most, 1-10, default 3), {@code judge} (a catalog model that grades answers
 * yes/no; none by default) and {@code checks} ({@code json}, {@code refusal}: on by default; {@code min_length}
 * characters, default 1; {@code regex} the answer must contain a match for). Parsing problems are
 * IllegalArgumentExceptions starting with the option's key path.
 */
record CascadeOptions(double firstTryBar, int maxTries, String judge, Checks checks) {
    static final double DEFAULT_FIRST_TRY_BAR = 0.5;
    static final int DEFAULT_MAX_TRIES = 3;
    static final CascadeOptions DEFAULTS = new CascadeOptions(DEFAULT_FIRST_TRY_BAR, DEFAULT_MAX_TRIES, null,
            Checks.DEFAULTS);
    private static final Set<String> KEYS = Set.of("first_try_bar", "max_tries", "judge", "checks");
    private static final Set<String> CHECK_KEYS = Set.of("json", "refusal", "min_length", "regex");

    /** Which answer checks run (non-empty always does). */
    record Checks(boolean json, boolean refusal, int minLength, Pattern regex) {
        static final Checks DEFAULTS = new Checks(true, true, 1, null);
    }

    static CascadeOptions parse(Map<String, Object> options) {
        unknownKeys("", options, KEYS);
        double firstTry = options.containsKey("first_try_bar")
                ? fraction("first_try_bar", options.get("first_try_bar")) : DEFAULT_FIRST_TRY_BAR;
        int maxTries = options.containsKey("max_tries")
                ? integer("max_tries", options.get("max_tries"), 1, 10) : DEFAULT_MAX_TRIES;
        Object judge = options.get("judge");
        if (judge != null && !(judge instanceof String s && !s.isBlank())) {
            throw new IllegalArgumentException("judge: expected a catalog model id, got " + judge);
        }
        Checks checks = options.get("checks") == null ? Checks.DEFAULTS : checks(options.get("checks"));
        return new CascadeOptions(firstTry, maxTries, judge == null ? null : ((String) judge).strip(), checks);
    }

    private static Checks checks(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("checks: expected a mapping of json, refusal, min_length, regex");
        }
        unknownKeys("checks.", map, CHECK_KEYS);
        boolean json = !map.containsKey("json") || bool("checks.json", map.get("json"));
        boolean refusal = !map.containsKey("refusal") || bool("checks.refusal", map.get("refusal"));
        int minLength = map.containsKey("min_length")
                ? integer("checks.min_length", map.get("min_length"), 0, Integer.MAX_VALUE) : 1;
        Pattern regex = null;
        if (map.get("regex") != null) {
            if (!(map.get("regex") instanceof String text)) {
                throw new IllegalArgumentException("checks.regex: expected a regular expression, got " + map.get("regex"));
            }
            try {
                regex = Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("checks.regex: not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return new Checks(json, refusal, minLength, regex);
    }

    private static void unknownKeys(String prefix, Map<?, ?> map, Set<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(prefix + key + ": unknown cascade option (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static double fraction(String path, Object value) {
        if (!(value instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
            throw new IllegalArgumentException(path + ": expected a number between 0 and 1, got " + value);
        }
        return n.doubleValue();
    }

    private static int integer(String path, Object value, int min, int max) {
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw new IllegalArgumentException(path + ": expected an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got " + value);
        }
        return ((Number) value).intValue();
    }

    private static boolean bool(String path, Object value) {
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(path + ": expected true or false, got " + value);
        }
        return b;
    }
}
