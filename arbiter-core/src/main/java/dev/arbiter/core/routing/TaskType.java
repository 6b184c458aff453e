package dev.arbiter.core.routing;

import java.util.Locale;

/** The kinds of work a request can be, which models rank differently on (the seeds' specialties). */
public enum TaskType {
    CODING, MATH, SCIENCE, AGENTIC, VISION, LONG_CONTEXT, EXTRACTION, CREATIVE, CHAT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config/header name ({@code coding}, {@code long_context}, ...); null when unknown. */
    public static TaskType fromConfigName(String name) {
        for (TaskType t : values()) {
            if (t.configName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
