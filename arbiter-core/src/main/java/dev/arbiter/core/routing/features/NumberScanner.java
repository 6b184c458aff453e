package dev.arbiter.core.routing.features;

import java.util.Locale;
import java.util.Set;

/**
 * One hand-written pass over a text's numbers (faster than several regexes): how many standalone numbers it holds,
 * how many look like arithmetic ("3 + 4", "x = 5", "2/3"), and how many are measurements with a unit ("25 grams",
 * "9.8 m/s"). Ranges such as "5-7" and versions or identifiers such as "v1.2" or "H2O" are not arithmetic numbers.
 * It visits only the digits {@link TextScan} recorded as possible number starts.
 */
final class NumberScanner {
    /** Counts from one scan. */
    record Counts(int numbers, int arithmetic, int units) {
    }

    static final String OPERATORS = "+-*/×÷^=<>≤≥";
    static final Set<String> UNITS = Set.of(
            "kg", "g", "mg", "km", "m", "cm", "mm", "nm", "ml", "l", "k", "°c", "°f", "°", "j", "kj", "n", "w", "kw",
            "v", "hz", "mol", "pa", "kpa", "atm", "ev", "m/s", "km/h", "grams", "kilograms", "milligrams", "meters",
            "kilometers", "centimeters", "millimeters", "liters", "milliliters", "joules", "newtons", "watts",
            "volts", "amps", "hertz", "moles", "seconds", "celsius", "fahrenheit", "kelvin", "degrees");
    /** The units again, for looking up ASCII (and "°") spellings without building a string. */
    private static final Vocabulary UNIT_WORDS = new Vocabulary();

    static {
        UNITS.stream().sorted().forEach(UNIT_WORDS::add);
    }

    private NumberScanner() {
    }

    static Counts scan(String text, int cap) {
        return scan(new TextScan(text), cap);
    }

    /**
     * Numbers from the start digits the scan recorded (digits not after a letter, "_" or "."), each read whole before
     * the next start past it is considered; stops after {@code 4 * cap} numbers.
     */
    static Counts scan(TextScan scan, int cap) {
        char[] text = scan.chars;
        int numbers = 0;
        int arithmetic = 0;
        int units = 0;
        int next = 0;
        for (int i : scan.numberStarts()) {
            if (numbers >= 4 * cap) {
                break;
            }
            if (i < next) {
                continue;
            }
            int end = numberEnd(text, i);
            next = end + 1;
            if (end < text.length && isLetter(text[end]) && !unitFollows(text, end)) {
                continue; // an identifier such as "3rd" or "2nd" or "4k" in prose: not a quantity
            }
            numbers++;
            arithmetic += arithmeticFollows(text, end) || percentOf(text, end) ? 1 : 0;
            units += unitFollows(text, end) ? 1 : 0;
        }
        return new Counts(numbers, arithmetic, units);
    }

    /** Where the number starting at {@code i} ends: digits, with "." or "," allowed before a digit. */
    private static int numberEnd(char[] text, int i) {
        int n = text.length;
        int end = i;
        while (end < n && (isDigit(text[end])
                || ((text[end] == '.' || text[end] == ',') && end + 1 < n && isDigit(text[end + 1])))) {
            end++;
        }
        return end;
    }

    /** An operator, then (after spaces) a digit, "(" or "-digit"; a bare "-" between digits is a range. */
    private static boolean arithmeticFollows(char[] text, int at) {
        int i = skipSpaces(text, at);
        if (i >= text.length || OPERATORS.indexOf(text[i]) < 0) {
            return false;
        }
        char op = text[i];
        boolean spaced = i > at;
        int j = skipSpaces(text, i + 1);
        if (j >= text.length) {
            return false;
        }
        char next = text[j];
        if (op == '-' && !spaced) {
            return false;
        }
        return isDigit(next) || next == '(' || (next == '-' && j + 1 < text.length && isDigit(text[j + 1]));
    }

    /** "15% of 240": a percentage taken of a number. */
    private static boolean percentOf(char[] text, int at) {
        if (at >= text.length || text[at] != '%') {
            return false;
        }
        int i = skipSpaces(text, at + 1);
        if (i + 1 >= text.length || text[i] != 'o' || text[i + 1] != 'f') {
            return false;
        }
        i = skipSpaces(text, i + 2);
        return i < text.length && (isDigit(text[i]) || text[i] == '$');
    }

    /** A unit word (after at most one space) that does not run on into more letters or digits. */
    private static boolean unitFollows(char[] text, int at) {
        int i = at < text.length && text[at] == ' ' ? at + 1 : at;
        int end = i;
        boolean plain = true;
        while (end < text.length && end - i < 12 && (isLetter(text[end]) || text[end] == '°' || text[end] == '/')) {
            plain &= text[end] < 128 || text[end] == '°';
            end++;
        }
        if (end == i || (end < text.length && Character.isLetterOrDigit(text[end]))) {
            return false;
        }
        if (plain) {
            return UNIT_WORDS.id(text, i, end) >= 0;
        }
        return UNITS.contains(new String(text, i, end - i).toLowerCase(Locale.ROOT));
    }

    private static int skipSpaces(char[] text, int i) {
        while (i < text.length && text[i] == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }
}
