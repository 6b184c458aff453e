package dev.arbiter.core.routing.features;

import java.util.Set;

/**
 * One hand-written pass over a text's numbers (faster than several regexes): how many standalone numbers it holds,
 * how many look like arithmetic ("3 + 4", "x = 5", "2/3"), and how many are measurements with a unit ("25 grams",
 * "9.8 m/s"). Ranges such as "5-7" and versions or identifiers such as "v1.2" or "H2O" are not arithmetic numbers.
 */
final class NumberScanner {
    /** Counts from one scan. */
    record Counts(int numbers, int arithmetic, int units) {
    }

    private static final String OPERATORS = "+-*/×÷^=<>≤≥";
    private static final Set<String> UNITS = Set.of(
            "kg", "g", "mg", "km", "m", "cm", "mm", "nm", "ml", "l", "k", "°c", "°f", "°", "j", "kj", "n", "w", "kw",
            "v", "hz", "mol", "pa", "kpa", "atm", "ev", "m/s", "km/h", "grams", "kilograms", "milligrams", "meters",
            "kilometers", "centimeters", "millimeters", "liters", "milliliters", "joules", "newtons", "watts",
            "volts", "amps", "hertz", "moles", "seconds", "celsius", "fahrenheit", "kelvin", "degrees");

    private NumberScanner() {
    }

    static Counts scan(String text, int cap) {
        int numbers = 0;
        int arithmetic = 0;
        int units = 0;
        int n = text.length();
        for (int i = 0; i < n && numbers < 4 * cap; i++) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && partOfWord(text.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < n && (Character.isDigit(text.charAt(end))
                    || ((text.charAt(end) == '.' || text.charAt(end) == ',') && end + 1 < n
                    && Character.isDigit(text.charAt(end + 1))))) {
                end++;
            }
            if (end < n && Character.isLetter(text.charAt(end)) && !unitFollows(text, end)) {
                i = end; // an identifier such as "3rd" or "2nd" or "4k" in prose: not a quantity
                continue;
            }
            numbers++;
            arithmetic += arithmeticFollows(text, end) || percentOf(text, end) ? 1 : 0;
            units += unitFollows(text, end) ? 1 : 0;
            i = end;
        }
        return new Counts(numbers, arithmetic, units);
    }

    private static boolean partOfWord(char c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    /** An operator, then (after spaces) a digit, "(" or "-digit"; a bare "-" between digits is a range. */
    private static boolean arithmeticFollows(String text, int at) {
        int i = skipSpaces(text, at);
        if (i >= text.length() || OPERATORS.indexOf(text.charAt(i)) < 0) {
            return false;
        }
        char op = text.charAt(i);
        boolean spaced = i > at;
        int j = skipSpaces(text, i + 1);
        if (j >= text.length()) {
            return false;
        }
        char next = text.charAt(j);
        if (op == '-' && !spaced) {
            return false;
        }
        return Character.isDigit(next) || next == '(' || (next == '-' && j + 1 < text.length()
                && Character.isDigit(text.charAt(j + 1)));
    }

    /** "15% of 240": a percentage taken of a number. */
    private static boolean percentOf(String text, int at) {
        if (at >= text.length() || text.charAt(at) != '%') {
            return false;
        }
        int i = skipSpaces(text, at + 1);
        if (!text.startsWith("of", i)) {
            return false;
        }
        i = skipSpaces(text, i + 2);
        return i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '$');
    }

    private static boolean unitFollows(String text, int at) {
        int i = at < text.length() && text.charAt(at) == ' ' ? at + 1 : at;
        int end = i;
        while (end < text.length() && end - i < 12 && (Character.isLetter(text.charAt(end))
                || text.charAt(end) == '°' || text.charAt(end) == '/')) {
            end++;
        }
        if (end == i || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return false;
        }
        return UNITS.contains(text.substring(i, end).toLowerCase(java.util.Locale.ROOT));
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
