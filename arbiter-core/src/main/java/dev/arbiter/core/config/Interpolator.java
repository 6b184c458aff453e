package dev.arbiter.core.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in scalar values from an environment map; {@code $${}
 * writes a literal {@code ${}. As in the shell, the default applies when the variable is unset or empty.
 */
final class Interpolator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;

    Interpolator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    static Interpolator none() {
        return new Interpolator(Map.of());
    }

    /** The expanded text; throws {@link Problem} naming the variable when one cannot be resolved. */
    String expand(String raw) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int close = raw.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Problem("unterminated '${' in '" + raw + "' (write $${ for a literal ${)");
                }
                out.append(resolve(raw.substring(i + 2, close)));
                i = close + 1;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return out.toString();
    }

    private String resolve(String reference) {
        int sep = reference.indexOf(":-");
        String name = sep < 0 ? reference : reference.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            throw new Problem("'${" + reference + "}' is not a variable reference; expected ${NAME} or ${NAME:-default}");
        }
        String value = env.get(name);
        if (sep >= 0) {
            return value == null || value.isEmpty() ? reference.substring(sep + 2) : value;
        }
        if (value == null) {
            throw new Problem("environment variable " + name + " is not set and has no default (write ${"
                    + name + ":-default} to give one)");
        }
        return value;
    }

    /** Why a value could not be expanded; the caller adds the position. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
