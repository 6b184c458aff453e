package dev.arbiter.bench;

/**
 * Timing knobs read from the requested model name, so that any gateway forwards them untouched.
 *
 * <p>Grammar: {@code mock} followed by any of {@code -d<ms>} (delay before a non-streamed answer),
 * {@code -t<ms>} (streams: time to first token; defaults to the {@code d} delay) and {@code -s<n>x<ms>}
 * (streams: n content chunks, ms apart; {@code -s<n>} sends them back to back; default 10 chunks, no gap).
 * Examples: {@code mock} answers at once, {@code mock-d50} after 50 ms, {@code mock-t100-s20x10} streams its
 * first token after 100 ms, then 19 more 10 ms apart.
 */
record MockKnobs(int delayMs, int ttftMs, int chunks, int chunkIntervalMs) {
    static final String PREFIX = "mock";
    private static final int MAX_MS = 600_000;
    private static final int MAX_CHUNKS = 100_000;
    private static final int DEFAULT_CHUNKS = 10;

    static boolean isMockModel(String model) {
        return model.equals(PREFIX) || model.startsWith(PREFIX + "-");
    }

    /** Parses a mock model name, naming the bad segment when there is one. */
    static MockKnobs parse(String model) {
        if (!isMockModel(model)) {
            throw new IllegalArgumentException("model '" + model + "' is not a mock model (mock[-d<ms>][-t<ms>][-s<n>x<ms>])");
        }
        int delay = 0;
        int ttft = -1;
        int chunks = DEFAULT_CHUNKS;
        int interval = 0;
        String rest = model.substring(PREFIX.length());
        for (String segment : rest.isEmpty() ? new String[0] : rest.substring(1).split("-", -1)) {
            if (segment.length() < 2) {
                throw bad(model, segment);
            }
            String value = segment.substring(1);
            switch (segment.charAt(0)) {
                case 'd' -> delay = number(model, segment, value, MAX_MS);
                case 't' -> ttft = number(model, segment, value, MAX_MS);
                case 's' -> {
                    int x = value.indexOf('x');
                    chunks = number(model, segment, x < 0 ? value : value.substring(0, x), MAX_CHUNKS);
                    interval = x < 0 ? 0 : number(model, segment, value.substring(x + 1), MAX_MS);
                    if (chunks < 1) {
                        throw bad(model, segment);
                    }
                }
                default -> throw bad(model, segment);
            }
        }
        return new MockKnobs(delay, ttft < 0 ? delay : ttft, chunks, interval);
    }

    private static int number(String model, String segment, String digits, int max) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(model, segment);
        }
        int n = Integer.parseInt(digits);
        if (n > max) {
            throw new IllegalArgumentException("segment '" + segment + "' of model '" + model + "' is over " + max);
        }
        return n;
    }

    private static IllegalArgumentException bad(String model, String segment) {
        return new IllegalArgumentException("bad segment '" + segment + "' in mock model '" + model
                + "' (expected d<ms>, t<ms> or s<n>x<ms>)");
    }
}
