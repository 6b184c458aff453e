package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The start filters are pure shortcuts: every cue counts exactly what repeated {@link Matcher#find()} counts, and no
 * filter skips a position where its regex matches, on inputs built around the edges of each branch.
 */
class CueStartsTest {
    /** Texts at the edges of every cue's branches: boundaries, lookbehinds, line starts, forced splits. */
    static final List<String> TRICKY = List.of(
            "", "x", "(", "x^2", "ax^2", "_x^2", "é^2", "x^", "x^a", " y^10 ", "f(x)", "g(1)", "h(z) ", "af(x)",
            "f(xy)", "F(x)", "f (x)", "2x + 3 = 7", "x=5", "x = 5", "x =5.", "x = 5.5", "x = 5a", "x\t=\n 5",
            "a.x = 5", "_x = 5", "9x-3", "99a+1", "x2 = 3", "3 x = 4", "=x+1", "(x+1)", "é x+1", "ab = 3",
            "x = -3", "x -- 3", "x+ 3y", "\u00e9x = 3", "x\u000b=\u000b3", "x\u00a0= 3",
            "getValue(", "get_value(x)", "getValue (x)", "GetValue(x)", "a.getValue()", "_getValue(", "xgetValue(",
            "éfooBar(", "foo2Bar(", "fooBar2(", "foo__bar(", "foo_(", "foo([1])", "x([", "foo(", "def foo(x):",
            "def  foo(x)", "undef foo(", "function bar() {", "myfunction bar(", "function(", "def(", "ifFoo(",
            "```\ncode\n```", "  ```", "x ```", "\r\n```", "\u2028```", "\u0085```", "\r```",
            "def f():\n    return 1\n}", "public class A {\n  private int x;\n}", "  print(x)", "\tif(x)",
            "x => y", "a -> b", "a ->b", "a - > b", "a::b", "a !== b", "a === b", "a && b", "a || b", "x;", "x; \n",
            "x;\ny", "f() {", "f():", "f() :\n", "f() { x", ") \n{",
            ">>> f(1)\n2", "  >>> x", ">>>x", "assert f(1) == 2", "xassert f(", "assert  foo(", "\"\"\"doc\"\"\"",
            "'''doc'''", "/* c */",
            "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>",
            "Exception in thread \"main\" java.lang.NullPointerException\n\tat com.a.B.c(B.java:12)\n",
            "  at Foo.bar(Foo.java:1)", "\n\n   at x.y(Z.java:9)", "ValueError: bad", "java.io.IOException: x",
            "KeyError:", "panic: runtime error", "x panic: y", "Segmentation fault (core dumped)", "File \"\", line 1",
            "\\frac{1}{2}", "\\fraction", "\\sqrt2", "$x$", "$$", "$ x\n$", "cost $5 and $6", "[asy]draw[/asy]",
            "\\text{a}", "\\left(", "\\\\frac",
            "  panic: x", "\n  \n\tat a.B(C.java:2)", "Value Error: x", "Error:", "x\nFooException: y", "at a.B(C:1)",
            "\tFile \"x.py\", line 7", "Traceback (most recent call last)", "\n\n (B) x", "( A) x", "((A) x", "\n\nD.\ty",
            "A) one\nB) two", "(A) one\n(B) two", "  C. three", "D: four", "A．x", "B：y", "E) no", "A)", "a) x");

    @Test
    void everyCueCountsExactlyWhatRepeatedFindCountsOnTrickyInputs() {
        for (TaskCues.Cue cue : TaskCues.CUES) {
            for (String text : TRICKY) {
                assertThat(cue.count(text)).as("%s on %s", cue.name(), text).isEqualTo(findCount(cue, text));
                String joined = text + "\n" + text + " " + text;
                assertThat(cue.count(joined)).as("%s on %s", cue.name(), joined).isEqualTo(findCount(cue, joined));
            }
        }
    }

    @Test
    void noStartFilterSkipsAPositionWhereItsRegexMatches() {
        List<String> texts = new ArrayList<>(TRICKY);
        texts.add(String.join("\n", TRICKY));
        texts.add(String.join(" ", TRICKY));
        texts.addAll(randomTexts(2_000));
        for (TaskCues.Cue cue : TaskCues.CUES) {
            for (String text : texts) {
                Matcher m = cue.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                int[] starts = cue.starts().in(new TextScan(text));
                assertThat(starts).as("%s on %s", cue.name(), text).isSorted();
                for (int i = 0; i < text.length(); i++) {
                    m.region(i, text.length());
                    if (m.lookingAt()) {
                        assertThat(starts).as("%s at %d of %s", cue.name(), i, text).contains(i);
                    }
                }
            }
        }
    }

    @Test
    void randomTextsOfCueCharactersCountTheSameWithAndWithoutFilters() {
        for (String text : randomTexts(5_000)) {
            for (TaskCues.Cue cue : TaskCues.CUES) {
                assertThat(cue.count(text)).as("%s on %s", cue.name(), text).isEqualTo(findCount(cue, text));
            }
        }
    }

    @Test
    void theAlgebraFilterLetsThroughOnlyTheShapesItsBranchesBeginWith() {
        assertThat(CueStarts.algebra(new TextScan("the cat sat"))).isEmpty();
        assertThat(CueStarts.algebra(new TextScan("so x^2"))).containsExactly(3);
        assertThat(CueStarts.algebra(new TextScan("so g("))).containsExactly(3);
        assertThat(CueStarts.algebra(new TextScan("so 12ab = 3"))).isEmpty(); // two letters: \d*[a-z] cannot reach "="
        assertThat(CueStarts.algebra(new TextScan("so 12b = 3"))).containsExactly(3);
        assertThat(CueStarts.algebra(new TextScan("v.x = 3"))).isEmpty(); // after a dot the lookbehind fails
        assertThat(CueStarts.algebra(new TextScan("x \t= 3 and y+1"))).containsExactly(0, 11);
    }

    @Test
    void theCodeCallFilterLetsThroughOnlyWordRunsThatEndAtAParenthesis() {
        assertThat(CueStarts.codeCall(new TextScan("plain words here"))).isEmpty();
        assertThat(CueStarts.codeCall(new TextScan("call fooBar(1)"))).containsExactly(5);
        assertThat(CueStarts.codeCall(new TextScan("def foo"))).containsExactly(0);
        assertThat(CueStarts.codeCall(new TextScan("undef foo"))).isEmpty();
        assertThat(CueStarts.codeCall(new TextScan("f(g(x)) function h"))).containsExactly(0, 2, 8);
    }

    @Test
    void lineStartsAreWhereMultilineCaretCanMatch() {
        MatchStarts lines = MatchStarts.lineStarts();
        assertThat(lines.in(new TextScan("ab\ncd"))).containsExactly(0, 3);
        assertThat(lines.in(new TextScan("ab\u2029cd\r\nx"))).containsExactly(0, 3, 6, 7);
        assertThat(lines.in(new TextScan("ab\n"))).containsExactly(0);
        assertThat(lines.in(new TextScan(""))).isEmpty();
    }

    @Test
    void startCharactersMustBeScannedMarks() {
        assertThat(MatchStarts.chars("=(").in(new TextScan("a = f(x)"))).containsExactly(2, 5);
        assertThatThrownBy(() -> MatchStarts.chars("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hintsFoundAtMarksAgreeWithPlainContains() {
        for (String text : randomTexts(3_000)) {
            TextScan scan = new TextScan(text);
            for (TaskCues.Cue cue : TaskCues.CUES) {
                assertThat(cue.hints().in(scan)).as("%s on %s", cue.name(), text).isEqualTo(cue.mayMatch(text));
            }
        }
    }

    @Test
    void lineLiteralsMayNotStartWithWhitespaceBecauseTheIndentSkipWouldPassThem() {
        assertThatThrownBy(() -> MatchStarts.literals(List.of(), List.of(" at")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The cue counted the plain way: find() repeatedly over the whole text, after the hint check. */
    static int findCount(TaskCues.Cue cue, String text) {
        if (!cue.mayMatch(text)) {
            return 0;
        }
        Matcher m = cue.pattern().matcher(text);
        int n = 0;
        while (n < cue.cap() && m.find()) {
            n++;
        }
        return n;
    }

    /** Seeded random texts over the characters the cues' regexes and filters look at. */
    static List<String> randomTexts(int count) {
        String[] atoms = {"a", "b", "f", "g", "h", "x", "z", "A", "B", "D", "T", "E", "F", "S", "_", "0", "1", "9",
            " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "\u2028", "é", "^", "(", ")", "[", "]", "{", "}", "=",
            "+", "-", ">", "<", ":", ";", "!", "&", "|", ".", ",", "$", "\\", "\"", "'", "/", "*", "#", "@", "：",
            "def ", "function ", "assert ", "print(", "return ", "at ", "Error: ", "Exception", "frac", "sqrt",
            "fooBar", "get_x", "File \"", ", line ", ">>> ", "```", "[asy]", "panic: ", "if (", "\\left"};
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(24);
            for (int i = 0; i < n; i++) {
                sb.append(atoms[random.nextInt(atoms.length)]);
            }
            texts.add(sb.toString());
        }
        return texts;
    }
}
