package dev.arbiter.bench;

/** A minimal JSON tokenizer: reads strings and booleans, skips any other value; errors are IllegalArgumentException. */
final class JsonScanner {
    private static final int MAX_DEPTH = 128;

    private final String text;
    private int pos;

    JsonScanner(String text) {
        this.text = text;
    }

    void expect(char c) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    boolean tryConsume(char c) {
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    boolean tryLiteral(String literal) {
        skipWhitespace();
        if (text.startsWith(literal, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    void expectEnd() {
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected text after the JSON value");
        }
    }

    boolean bool() {
        if (tryLiteral("true")) {
            return true;
        }
        if (tryLiteral("false") || tryLiteral("null")) {
            return false;
        }
        throw error("expected true or false");
    }

    String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                out.append(escape());
            } else if (c < 0x20) {
                throw error("control character in string");
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    void skipValue() {
        skipValue(0);
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        char c = pos < text.length() ? text.charAt(pos) : '\0';
        switch (c) {
            case '"' -> string();
            case '{' -> skipContainer('}', true, depth);
            case '[' -> skipContainer(']', false, depth);
            default -> skipScalar();
        }
    }

    private void skipContainer(char close, boolean object, int depth) {
        pos++;
        if (tryConsume(close)) {
            return;
        }
        do {
            if (object) {
                string();
                expect(':');
            }
            skipValue(depth + 1);
        } while (tryConsume(','));
        expect(close);
    }

    private void skipScalar() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eEtrufalsn".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a JSON value");
        }
    }

    private char escape() {
        if (pos >= text.length()) {
            throw error("unterminated escape");
        }
        char e = text.charAt(pos++);
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("bad escape '\\" + e + "'");
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("bad \\u escape");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("We could not parse the JSON body of your request: " + what
                + " at offset " + pos);
    }
}
