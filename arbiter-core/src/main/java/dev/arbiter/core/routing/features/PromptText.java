package dev.arbiter.core.routing.features;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ContentPart;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.chat.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers a request's text twice over: the bounded slice the classifiers read (system prompt head plus the tail of
 * the user text) and every text part the model will see, for token counting.
 */
final class PromptText {
    /** Characters of system/developer text analysed: its head states the job; the rest is usually reference. */
    static final int SYSTEM_HEAD_CHARS = 2_000;
    /** Characters of user text analysed: the tail holds the actual question, even after pasted documents. */
    static final int USER_TAIL_CHARS = 8_000;

    /** Characters the classifiers read from the start of the system prompt and of a long first user message. */
    static final int SCORED_HEAD_CHARS = 1_024;
    /** Characters read from the end of the analysed text: after a pasted document, the question sits there. */
    static final int SCORED_TAIL_CHARS = 1_536;

    private PromptText() {
    }

    /** The text the classifiers and the quality model read: system head, a blank line, then the user tail. */
    static String analysed(ChatRequest request) {
        StringBuilder system = new StringBuilder();
        List<String> user = new ArrayList<>();
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
                appendBounded(system, m, SYSTEM_HEAD_CHARS);
            } else if (m.role() == Role.USER) {
                user.add(m.text());
            }
        }
        String userTail = userTail(user);
        if (system.isEmpty()) {
            return userTail;
        }
        return userTail.isEmpty() ? system.toString() : system + "\n\n" + userTail;
    }

    /**
     * The last {@link #USER_TAIL_CHARS} characters of the user texts joined by newlines (a newline goes before a
     * text once anything non-empty precedes it), not starting inside a surrogate pair; copies only those characters.
     */
    private static String userTail(List<String> texts) {
        long joined = 0;
        boolean nonEmpty = false;
        for (String t : texts) {
            joined += (nonEmpty ? 1 : 0) + t.length();
            nonEmpty |= !t.isEmpty();
        }
        long skip = Math.max(0, joined - USER_TAIL_CHARS); // characters of the joined text before the tail
        StringBuilder sb = new StringBuilder((int) Math.min(joined, USER_TAIL_CHARS));
        nonEmpty = false;
        for (String t : texts) {
            if (nonEmpty) {
                if (skip > 0) {
                    skip--;
                } else {
                    sb.append('\n');
                }
            }
            nonEmpty |= !t.isEmpty();
            if (skip >= t.length()) {
                skip -= t.length();
            } else {
                sb.append(t, (int) skip, t.length());
                skip = 0;
            }
        }
        boolean cut = joined > USER_TAIL_CHARS;
        return cut && !sb.isEmpty() && Character.isLowSurrogate(sb.charAt(0)) ? sb.substring(1) : sb.toString();
    }

    /**
     * The slice the task and language classifiers read: the analysed text when short; else the system prompt's head,
     * the first user message's head when it is long, and the analysed text's tail, joined by blank lines. A task is
     * decided by the ask, which opens or closes a prompt; the middle of a long prompt is material (a document, code)
     * whose size already counts through the token count.
     */
    static String scored(ChatRequest request, String analysed) {
        if (analysed.length() <= SCORED_HEAD_CHARS + SCORED_TAIL_CHARS) {
            return analysed;
        }
        StringBuilder sb = new StringBuilder(2 * SCORED_HEAD_CHARS + SCORED_TAIL_CHARS + 4);
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
                appendHead(sb, m.text());
                break;
            }
        }
        for (Message m : request.messages()) {
            if (m.role() == Role.USER) {
                String text = m.text();
                if (text.length() > SCORED_HEAD_CHARS + SCORED_TAIL_CHARS) {
                    appendHead(sb, text); // a long first message: its head does not overlap the tail
                }
                break;
            }
        }
        if (!sb.isEmpty()) {
            sb.append("\n\n");
        }
        return sb.append(tail(analysed, SCORED_TAIL_CHARS)).toString();
    }

    private static void appendHead(StringBuilder sb, String text) {
        if (!sb.isEmpty()) {
            sb.append("\n\n");
        }
        int end = Math.min(text.length(), SCORED_HEAD_CHARS);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        sb.append(text, 0, end);
    }

    /** Every text the model receives: all messages, tool call arguments and tool definitions. */
    static List<String> allParts(ChatRequest request) {
        List<String> parts = new ArrayList<>();
        for (Message m : request.messages()) {
            for (ContentPart p : m.content()) {
                if (p instanceof ContentPart.Text t) {
                    parts.add(t.text());
                }
            }
            for (ToolCall call : m.toolCalls()) {
                parts.add(call.name());
                parts.add(call.argumentsJson());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            parts.add(tool.name());
            parts.add(tool.description());
            parts.add(tool.parameters() == null ? null : tool.parameters().toString());
        }
        return parts;
    }

    static int imageCount(ChatRequest request) {
        int images = 0;
        for (Message m : request.messages()) {
            for (ContentPart p : m.content()) {
                if (p instanceof ContentPart.Image) {
                    images++;
                }
            }
        }
        return images;
    }

    /** Whether the conversation already holds tool calls or tool results (an agent loop in progress). */
    static boolean hasToolTurns(ChatRequest request) {
        for (Message m : request.messages()) {
            if (m.role() == Role.TOOL || !m.toolCalls().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void appendBounded(StringBuilder sb, Message m, int max) {
        if (sb.length() >= max) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        String text = m.text();
        sb.append(text, 0, Math.min(text.length(), max - sb.length()));
    }

    /** The last {@code max} characters, not starting inside a surrogate pair. */
    static String tail(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int from = text.length() - max;
        if (Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        return text.substring(from);
    }
}
