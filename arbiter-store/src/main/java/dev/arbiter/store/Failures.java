package dev.arbiter.store;

import java.sql.BatchUpdateException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Turns a driver or Flyway exception chain into one line an operator can act on, without class names or traces. */
final class Failures {
    private static final int MAX_LENGTH = 600;

    private Failures() {
    }

    /** The distinct first lines of the messages along the cause chain, joined by ": ". */
    static String describe(Throwable failure) {
        failure = unwrapBatch(failure);
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String line = t instanceof UnknownHostException ? "unknown host " + t.getMessage() : firstLine(t);
            if (!line.isEmpty() && parts.stream().noneMatch(p -> p.contains(line))) {
                parts.add(line);
            }
        }
        String text = parts.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", parts)
                .replace(".: ", ": ");
        text = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }

    /** A batch failure's own message repeats the statement and its values; the reason is in the next exception. */
    private static Throwable unwrapBatch(Throwable failure) {
        Throwable t = failure;
        while (t instanceof BatchUpdateException batch) {
            Throwable next = batch.getNextException() != null ? batch.getNextException() : batch.getCause();
            if (next == null || next == t) {
                break;
            }
            t = next;
        }
        return t;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return "";
        }
        for (String line : message.strip().split("\\R")) {
            // Flyway starts some messages with a banner line of dashes or a bare label; skip those.
            String s = line.strip();
            if (!s.isEmpty() && !s.matches("-+") && !s.endsWith(":")) {
                return s;
            }
        }
        return message.strip();
    }
}
