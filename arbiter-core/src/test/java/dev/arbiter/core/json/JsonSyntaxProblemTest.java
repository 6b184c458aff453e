package dev.arbiter.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import org.junit.jupiter.api.Test;

/** A JSON syntax error is described in one line a caller can act on: the reason and where, no Jackson internals. */
class JsonSyntaxProblemTest {

    @Test
    void anUnclosedArraySaysWhatWasExpectedAndWhere() {
        String problem = Json.syntaxProblem(catchRuntimeException(() -> Json.parse("{\"messages\": [".getBytes())));
        assertThat(problem).startsWith("Unexpected end-of-input: expected close marker for Array")
                .contains("line: 1, column: 14").endsWith("at line 1, column 15")
                .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("\n");
    }

    @Test
    void aStrayTokenIsNamed() {
        String problem = Json.syntaxProblem(catchRuntimeException(() -> Json.parse("{\"a\":1}x".getBytes())));
        assertThat(problem).startsWith("Unrecognized token 'x'").contains("at line 1, column");
    }

    @Test
    void somethingOtherThanAParseErrorIsJustUnreadable() {
        assertThat(Json.syntaxProblem(new IllegalStateException("boom"))).isEqualTo("unreadable JSON");
    }
}
