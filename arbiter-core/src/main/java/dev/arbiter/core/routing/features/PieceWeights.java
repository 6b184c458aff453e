package dev.arbiter.core.routing.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The o200k_base tokens a piece of text takes on average, by the kind of piece ({@link PieceScanner} finds the pieces
 * the tokenizer's regex would): a piece the vocabulary holds is one token; another word is as many tokens as it
 * splits into greedily (2..6, by its length; 7+, by that count) for its script and case; digits are 1 per 3; symbol
 * runs and whitespace go by length. The weights, {@code piece-weights.txt} beside this class, are each kind's mean
 * tokens measured piece by piece, every text kind of the corpus weighing the same.
 *
 * <p>Calibration, reproducible offline (a tokenizer approximation, so any public text will do): build the corpus with
 * {@code python3 arbiter-core/src/test/resources/dev/arbiter/core/routing/features/token-corpus.py /tmp/corp}, which
 * lists its sources (JDK src.zip, /usr/include, the Python standard library, TypeScript and @types/node declarations,
 * rxjs sources, npm's JavaScript and docs, Node.js's Markdown docs, MDN browser-compat-data and npm manifests as
 * JSON; English, Chinese, Japanese, German, French, Spanish, Italian and Indonesian from the Debian Reference; Russian,
 * Ukrainian, Polish, Turkish, Chinese, Japanese man pages; TypeScript's messages in 13 languages; Arabic, Hebrew,
 * Greek, Hindi, Bengali, Thai, Korean, Vietnamese, Persian, Georgian and Armenian interface strings), then run
 * {@link PieceWeightsCalibration} (test sources) on it: it fits these weights on the first half of every kind, writes
 * this file, and prints estimate ÷ exact for 50k-character windows of the other half.
 */
final class PieceWeights {
    /** Weights are fixed point: this much is one token. */
    static final double ONE = 1024;
    /** Length cap of a family: longer pieces take its last weight plus the next cell's per character beyond. */
    static final int CAP = 16;
    static final int STRIDE = CAP + 1;
    static final int SCRIPTS = CharClasses.SCRIPTS.length;

    /** Letter pieces that are one token, per script; then symbol runs that are. */
    static final int SINGLE = 0;
    static final int SINGLE_SYMBOLS = SINGLE + SCRIPTS;
    /** Other words by script, capitals (2+, or not first) or not, greedy tokens 2..6 (× length) or 7+ (× those). */
    static final int SPLIT = SINGLE_SYMBOLS + 1;
    static final int SPLIT_BUCKETS = 6;
    static final int SPLIT_FAMILIES = SCRIPTS * 2 * SPLIT_BUCKETS;
    /** Words longer than the vocabulary is searched for, per script: a base and a weight per character. */
    static final int LONG = SPLIT + SPLIT_FAMILIES * STRIDE;
    static final int CONTRACTION = LONG + 2 * SCRIPTS;
    /** 1, 2 or 3 ASCII digits; then other \p{N}. */
    static final int DIGITS = CONTRACTION + 1;
    static final int OTHER_NUMBER = DIGITS + 3;
    /** Symbol runs not in the vocabulary: leading space or not × trailing newlines 0, 1, 2+ × ASCII, BMP, astral. */
    static final int SYMBOLS = OTHER_NUMBER + 1;
    static final int SYMBOL_CAP = 8;
    static final int SYMBOL_STRIDE = SYMBOL_CAP + 1;
    static final int SYMBOL_FAMILIES = 2 * 3 * 3;
    /** Newline runs, alone or after spaces, by newline count. */
    static final int NEWLINES = SYMBOLS + SYMBOL_FAMILIES * SYMBOL_STRIDE;
    static final int NEWLINE_CAP = 4;
    static final int NEWLINE_STRIDE = NEWLINE_CAP + 1;
    /** Runs of spaces, of tabs (or tabs and spaces), of other whitespace. */
    static final int SPACES = NEWLINES + 2 * NEWLINE_STRIDE;
    static final int CELLS = SPACES + 3 * STRIDE;

    static final int[] WEIGHTS = load();

    private PieceWeights() {
    }

    /** Working space for {@link PieceScanner#scan}. */
    static long[] scratch() {
        return new long[TokenVocabulary.MAX_CHARS + 1];
    }

    /** Whether a cell is of a word or a symbol run, the pieces the vocabulary filter holds. */
    static boolean isWordOrSymbols(int cell) {
        return cell < CONTRACTION || cell >= SYMBOLS && cell < NEWLINES;
    }

    /** A family of cells, named in the weights file. */
    record Family(String name, int base, int size) {
    }

    static List<Family> families() {
        List<Family> families = new ArrayList<>();
        families.add(new Family("single tokens", SINGLE, SCRIPTS + 1));
        for (int f = 0; f < SPLIT_FAMILIES; f++) {
            int tokens = f % SPLIT_BUCKETS + 2;
            String name = "split " + CharClasses.SCRIPTS[f / SPLIT_BUCKETS / 2]
                    + (f / SPLIT_BUCKETS % 2 == 0 ? " " : " caps ")
                    + (tokens > SPLIT_BUCKETS ? tokens + "+ by tokens" : tokens + " by length");
            families.add(new Family(name, SPLIT + f * STRIDE, STRIDE));
        }
        for (int s = 0; s < SCRIPTS; s++) {
            families.add(new Family("long " + CharClasses.SCRIPTS[s], LONG + 2 * s, 2));
        }
        families.add(new Family("contraction", CONTRACTION, 1));
        families.add(new Family("digits", DIGITS, 4));
        String[] kinds = {"ascii", "unicode", "astral"};
        for (int f = 0; f < SYMBOL_FAMILIES; f++) {
            String name = "symbols " + (f >= 9 ? "space " : "") + f / 3 % 3 + "nl " + kinds[f % 3];
            families.add(new Family(name, SYMBOLS + f * SYMBOL_STRIDE, SYMBOL_STRIDE));
        }
        families.add(new Family("newlines", NEWLINES, NEWLINE_STRIDE));
        families.add(new Family("newlines after spaces", NEWLINES + NEWLINE_STRIDE, NEWLINE_STRIDE));
        String[] spaces = {"spaces", "tabs", "other spaces"};
        for (int f = 0; f < spaces.length; f++) {
            families.add(new Family(spaces[f], SPACES + f * STRIDE, STRIDE));
        }
        return families;
    }

    /** The weights file: a family name, a tab, its weights in tokens; every family must be there. */
    private static int[] load() {
        try (InputStream in = PieceWeights.class.getResourceAsStream("piece-weights.txt")) {
            if (in == null) {
                throw new IllegalStateException("piece-weights.txt is missing beside " + PieceWeights.class);
            }
            Map<String, String[]> lines = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] nameAndValues = line.split("\t");
                if (nameAndValues.length == 2) {
                    lines.put(nameAndValues[0], nameAndValues[1].trim().split(" "));
                }
            }
            int[] weights = new int[CELLS + 1]; // + 1: a scan reads the cell after any piece's
            for (Family f : families()) {
                String[] values = lines.get(f.name());
                if (values == null || values.length != f.size()) {
                    throw new IllegalStateException("piece-weights.txt has no " + f.size() + " weights of " + f.name());
                }
                for (int k = 0; k < f.size(); k++) {
                    weights[f.base() + k] = (int) Math.round(Double.parseDouble(values[k]) * ONE);
                }
            }
            return weights;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
