package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The single-pass scorer and language detector are pure speed-ups: on seeded random texts built from the lexicon's
 * words, stop words, units, digits, joiners and letters of other scripts (where lowercasing or surrogates could trip a
 * hand-written path), and on every shared prompt when the data is there, they give what the plain implementations
 * ({@link ReferenceScorer}, {@link ReferenceLanguage}) give, scores bit for bit.
 */
class ScorerMatchesPlainWayTest {
    private static final TaskScorer SCORER = new TaskScorer();
    private static final ReferenceScorer PLAIN = new ReferenceScorer();
    private static final LexiconIndex LEXICON = new LexiconIndex(TaskLexicon.GROUPS);

    @Test
    void wordsAndLexiconHitsAreThoseOfThePlainSplit() {
        for (String text : randomTexts(4_000, 60)) {
            Words words = new TextScan(text, LEXICON).words();
            List<String> plain = ReferenceScorer.words(text);
            List<String> fast = new ArrayList<>();
            for (int i = 0; i < words.count(); i++) {
                fast.add(words.text(i));
            }
            assertThat(fast).as(text).isEqualTo(plain);
            List<String> fastTrace = new ArrayList<>();
            List<String> plainTrace = new ArrayList<>();
            assertThat(LEXICON.hits(words, fastTrace)).as(text).isEqualTo(PLAIN.hits(plain, plainTrace));
            assertThat(fastTrace).as(text).isEqualTo(plainTrace);
        }
    }

    @Test
    void numberCountsAreThoseOfThePlainScan() {
        for (String text : randomTexts(4_000, 60)) {
            for (int cap : new int[] {1, TaskCues.NUMBER_CAP, 100}) {
                assertThat(NumberScanner.scan(text, cap)).as(text).isEqualTo(ReferenceScorer.numbers(text, cap));
            }
        }
    }

    @Test
    void scoresAreBitIdenticalToThePlainScorer() {
        Random random = new Random(11);
        for (String text : randomTexts(3_000, 120)) {
            int fullChars = text.length() + random.nextInt(20_000);
            var facts = new TaskScorer.Facts(random.nextInt(40_000), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean());
            assertBitIdentical(SCORER.scores(text, fullChars, facts), PLAIN.scores(text, fullChars, facts), text);
        }
    }

    @Test
    void languagesAreThoseOfThePlainDetector() {
        List<String> texts = new ArrayList<>(randomTexts(4_000, 60));
        texts.addAll(randomTexts(300, 1_500)); // past the 4,000 characters sampled
        String pair = "\uD835\uDC00"; // a letter outside the BMP: a surrogate pair
        for (int cut = LanguageDetector.SAMPLE_CHARS - 2; cut <= LanguageDetector.SAMPLE_CHARS; cut++) {
            texts.add("a".repeat(cut) + pair.repeat(3) + " le la les");
            texts.add("日本".repeat(cut / 2) + pair + " the");
        }
        for (String text : texts) {
            assertThat(LanguageDetector.detect(text)).as(text).isEqualTo(ReferenceLanguage.detect(text));
        }
    }

    @Test
    void everySharedPromptScoresAndDetectsAsThePlainWay() {
        Path dir = LabelledPrompts.dataDir();
        assumeTrue(dir != null, "shared routing data not found (set -Darbiter.routing.data=DIR)");
        List<LabelledPrompts.Row> rows = LabelledPrompts.load(dir);
        assumeTrue(!rows.isEmpty(), "no rows in " + dir);
        for (LabelledPrompts.Row row : rows) {
            String prompt = row.prompt();
            String slice = prompt.length() <= 4_000 ? prompt : prompt.substring(prompt.length() - 4_000);
            assertBitIdentical(SCORER.scores(slice, prompt.length(), TaskScorer.Facts.NONE),
                    PLAIN.scores(slice, prompt.length(), TaskScorer.Facts.NONE), slice);
            assertThat(LanguageDetector.detect(slice)).as(slice).isEqualTo(ReferenceLanguage.detect(slice));
        }
    }

    private static void assertBitIdentical(double[] fast, double[] plain, String text) {
        assertThat(Arrays.stream(fast).mapToLong(Double::doubleToRawLongBits).toArray()).as(text)
                .isEqualTo(Arrays.stream(plain).mapToLong(Double::doubleToRawLongBits).toArray());
    }

    /** Seeded texts of up to {@code maxAtoms} pieces: lexicon terms, stop words, units, numbers, odd letters. */
    static List<String> randomTexts(int count, int maxAtoms) {
        List<String> atoms = new ArrayList<>(List.of(" ", " ", " ", "  ", "\n", "\r\n", "\t", ", ", ". ", "? ",
                "'", "’", "-", "+", "#", "_", ".", ",", "%", "% of ", " of ", "°", "/", "=", " = ", "(", ")", "^",
                "*", "$", ":", ";", "\"", "0", "7", "42", "3.5", "1,000", "12.", "٣", "３", "x", "s", "ss", "é",
                "ñ", "ß", "ü", "ã", "õ", "¿", "¡", "İ", "\u212A", "Σ", "ς", "µ", "ª", "中文", "日本語", "ひらがな",
                "한국어", "Привет", "مرحبا", "नमस्ते", "\uD835\uDC00", "\uD800", "\uDC00", "\u2028", "\u0085",
                "C++", "C#", "Earth's", "students'", "key-value", "don’t", "atmosphere", "photosynthesis",
                "Dioxide", "biologists", "Kelvin", "KG", "m/s", "km/h", "°C", "Über", "FÜR", "Qué", "você",
                "perché"));
        TaskLexicon.GROUPS.forEach(g -> atoms.addAll(g.termList()));
        atoms.addAll(LanguageDetector.STOP_WORDS.keySet().stream().sorted().toList());
        atoms.addAll(NumberScanner.UNITS.stream().sorted().toList());
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(maxAtoms);
            for (int i = 0; i < n; i++) {
                String atom = atoms.get(random.nextInt(atoms.size()));
                sb.append(switch (random.nextInt(6)) {
                    case 0 -> atom.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> atom.isEmpty() ? atom : Character.toUpperCase(atom.charAt(0)) + atom.substring(1);
                    case 2 -> atom + "s";
                    default -> atom;
                });
                if (random.nextInt(3) > 0) {
                    sb.append(' ');
                }
            }
            texts.add(sb.toString());
        }
        return Stream.concat(texts.stream(), CueStartsTest.TRICKY.stream()).toList();
    }
}
