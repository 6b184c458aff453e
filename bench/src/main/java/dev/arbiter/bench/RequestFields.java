package dev.arbiter.bench;

/**
 * The few fields of a chat completion request the mock needs, read by a small JSON scanner that walks the
 * top-level object and skips everything else (messages, tools...), so text inside messages can never be mistaken
 * for a field.
 */
record RequestFields(String model, boolean stream, boolean includeUsage) {

    /** Reads the fields, or throws IllegalArgumentException saying what is wrong with the JSON. */
    static RequestFields parse(String json) {
        JsonScanner s = new JsonScanner(json);
        String model = null;
        boolean stream = false;
        boolean includeUsage = false;
        s.expect('{');
        if (!s.tryConsume('}')) {
            do {
                String key = s.string();
                s.expect(':');
                switch (key) {
                    case "model" -> model = s.string();
                    case "stream" -> stream = s.bool();
                    case "stream_options" -> includeUsage = includeUsage(s);
                    default -> s.skipValue();
                }
            } while (s.tryConsume(','));
            s.expect('}');
        }
        s.expectEnd();
        if (model == null) {
            throw new IllegalArgumentException("you must provide a model parameter");
        }
        return new RequestFields(model, stream, includeUsage);
    }

    private static boolean includeUsage(JsonScanner s) {
        if (s.tryLiteral("null")) {
            return false;
        }
        boolean include = false;
        s.expect('{');
        if (!s.tryConsume('}')) {
            do {
                String key = s.string();
                s.expect(':');
                if (key.equals("include_usage")) {
                    include = s.bool();
                } else {
                    s.skipValue();
                }
            } while (s.tryConsume(','));
            s.expect('}');
        }
        return include;
    }
}
