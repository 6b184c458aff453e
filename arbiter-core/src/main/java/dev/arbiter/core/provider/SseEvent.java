package dev.arbiter.core.provider;

/** One server-sent event as read off the wire: its {@code event:} name (null when absent) and joined {@code data:} lines. */
public record SseEvent(String event, String data) {
}
