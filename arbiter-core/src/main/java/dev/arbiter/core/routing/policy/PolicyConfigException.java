package dev.arbiter.core.routing.policy;

import java.io.Serial;
import java.util.List;

/**
 * A policy's {@code options:} cannot be used: names the offending key path relative to the options mapping
 * (e.g. {@code rules[1].when.task_type}) and what is wrong, so the config reader can point at the YAML node.
 * The message is {@code key.path: problem}, or just the problem when the path is empty, which means the
 * policy name itself (the route's {@code policy:} key) is at fault.
 */
public final class PolicyConfigException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<Object> path;
    private final String problem;

    PolicyConfigException(List<Object> path, String problem) {
        super(message(path, problem));
        this.path = List.copyOf(path);
        this.problem = problem;
    }

    /**
     * The offending node's path below {@code options:} as segments: {@link String} mapping keys and
     * {@link Integer} list indexes. Unambiguous even when a key holds dots (model ids such as {@code gpt-5.4}).
     */
    public List<Object> path() {
        return path;
    }

    /** The path as text: keys joined by {@code .}, list indexes as {@code [i]}; empty for the policy name. */
    public String keyPath() {
        return render(path);
    }

    /** What is wrong, without the path prefix. */
    public String problem() {
        return problem;
    }

    static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    private static String message(List<Object> path, String problem) {
        return path.isEmpty() ? problem : render(path) + ": " + problem;
    }
}
