package dev.arbiter.core.routing.policy;

import dev.arbiter.core.config.Suggest;
import java.util.Collection;

/** The "did you mean" hint of option errors, in this package's parenthesised style, over {@link Suggest#closest}. */
final class Closest {
    private Closest() {
    }

    /** {@code " (did you mean 'x'?)"} or, with no close match, {@code " (expected one of: a, b)"}. */
    static String hint(String typed, Collection<String> known) {
        return Suggest.closest(typed, known)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElseGet(() -> " (expected one of: " + String.join(", ", known.stream().sorted().toList()) + ")");
    }
}
