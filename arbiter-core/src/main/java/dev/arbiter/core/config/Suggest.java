package dev.arbiter.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word closest to a misspelt one, for "did you mean" hints (config errors, policy options). */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate when it is plausibly what was meant (small edit distance or a prefix match). */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        return candidates.stream().sorted() // sorted: ties and messages must not depend on set order
                .filter(c -> plausible(typed, c))
                .min(Comparator.comparingInt(c -> distance(typed, c)));
    }

    /** {@code "; did you mean 'x'?"} or, with no close match, the list of what is allowed. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(c -> "; did you mean '" + c + "'?")
                .orElseGet(() -> "; expected one of: " + String.join(", ", candidates.stream().sorted().toList()));
    }

    private static boolean plausible(String typed, String candidate) {
        int d = distance(typed, candidate);
        boolean prefix = Math.min(typed.length(), candidate.length()) >= 3
                && (candidate.startsWith(typed) || typed.startsWith(candidate));
        return prefix || d <= Math.max(2, Math.min(typed.length(), candidate.length()) / 3);
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
