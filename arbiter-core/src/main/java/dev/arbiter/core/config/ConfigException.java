package dev.arbiter.core.config;

import java.nio.file.Path;

/**
 * A configuration that cannot be used, located as {@code FILE:LINE:COLUMN: key.path: what is wrong} so the
 * operator can jump straight to the culprit. Line and column are 1-based; both are 0 when the problem has no
 * position in a file (an unreadable file, a bad environment variable).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String keyPath;
    private final String problem;

    public ConfigException(String file, int line, int column, String keyPath, String problem) {
        this(file, line, column, keyPath, problem, format(file, line, column, keyPath, problem));
    }

    private ConfigException(String file, int line, int column, String keyPath, String problem, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
    }

    /** The config file exists in the caller's mind but cannot be read (missing, a directory, no permission...). */
    static ConfigException unreadable(Path file, String reason) {
        String problem = "cannot read config " + file + ": " + reason;
        return new ConfigException(file.toString(), 0, 0, "", problem, problem);
    }

    /** An environment variable the loader consults (a base URL override, OLLAMA_HOST) holds a bad value. */
    static ConfigException environment(String variable, String problem) {
        return new ConfigException("environment", 0, 0, variable, problem);
    }

    private static String format(String file, int line, int column, String keyPath, String problem) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        return out.append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The key path of the culprit, such as {@code models[1].price.input}; empty for whole-file problems. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without the location prefix. */
    public String problem() {
        return problem;
    }
}
