package dev.arbiter.core.chat;

import java.util.List;

/**
 * One message of a conversation. {@code content} is never null (empty for an assistant turn that only
 * calls tools); {@code toolCalls} is never null; {@code toolCallId} is set on tool results;
 * {@code name} is the optional participant name. {@code reasoning} holds an assistant turn's own reasoning blocks
 * (never null, usually empty); {@code toolError} marks a tool result that reports a failure; {@code cache} is a
 * caching breakpoint on a tool result as a whole (null when none).
 */
public record Message(Role role, List<ContentPart> content, List<ToolCall> toolCalls, String toolCallId, String name,
        List<ReasoningBlock> reasoning, boolean toolError, CacheBreakpoint cache) {
    public Message {
        content = List.copyOf(content);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        reasoning = reasoning == null ? List.of() : List.copyOf(reasoning);
    }

    public Message(Role role, List<ContentPart> content, List<ToolCall> toolCalls, String toolCallId, String name) {
        this(role, content, toolCalls, toolCallId, name, List.of(), false, null);
    }

    /** The same message with the assistant's reasoning blocks. */
    public Message withReasoning(List<ReasoningBlock> blocks) {
        return new Message(role, content, toolCalls, toolCallId, name, blocks, toolError, cache);
    }

    /** The same tool result, flagged as reporting a failure (or not) and with a caching breakpoint (or none). */
    public Message withToolResultFlags(boolean error, CacheBreakpoint breakpoint) {
        return new Message(role, content, toolCalls, toolCallId, name, reasoning, error, breakpoint);
    }

    public static Message text(Role role, String text) {
        return new Message(role, List.of(new ContentPart.Text(text)), List.of(), null, null);
    }

    public static Message system(String text) {
        return text(Role.SYSTEM, text);
    }

    public static Message user(String text) {
        return text(Role.USER, text);
    }

    public static Message assistant(String text) {
        return text(Role.ASSISTANT, text);
    }

    public static Message assistantToolCalls(List<ToolCall> calls) {
        return new Message(Role.ASSISTANT, List.of(), calls, null, null);
    }

    public static Message toolResult(String toolCallId, String result) {
        return new Message(Role.TOOL, List.of(new ContentPart.Text(result)), List.of(), toolCallId, null);
    }

    /** All text parts joined, ignoring images. */
    public String text() {
        if (content.size() == 1 && content.getFirst() instanceof ContentPart.Text only) {
            return only.text(); // the common case, without copying a long prompt twice
        }
        StringBuilder sb = new StringBuilder();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    public boolean hasImages() {
        return content.stream().anyMatch(p -> p instanceof ContentPart.Image);
    }
}
