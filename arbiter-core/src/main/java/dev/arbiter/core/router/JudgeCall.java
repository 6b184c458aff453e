package dev.arbiter.core.router;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.ChatResponse;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional judge of a cascade: a short grading request to a catalog model (the question, the answer, "reply
 * yes or no") and the reading of its reply. A reply that is neither yes nor no gives no verdict.
 */
final class JudgeCall {
    static final String INSTRUCTIONS = "You grade answers. Read the question and the answer. Reply with exactly one"
            + " word: yes if the answer is correct, complete and responsive to the question, otherwise no.";
    /** Room for the verdict, and for the thinking of reasoning models that count it as output. */
    static final int MAX_TOKENS = 1024;
    private static final int MAX_CHARS = 6000;

    private JudgeCall() {
    }

    static ChatRequest request(String judgeModel, ChatRequest original, ChatResponse answer) {
        String prompt = "Question:\n" + tail(question(original)) + "\n\nAnswer:\n" + head(answer.message().text())
                + "\n\nIs the answer correct, complete and responsive to the question? Reply yes or no.";
        return ChatRequest.builder(judgeModel)
                .messages(List.of(Message.system(INSTRUCTIONS), Message.user(prompt)))
                .maxTokens(MAX_TOKENS)
                .build();
    }

    /** True for yes, false for no, empty when the reply says neither. */
    static Optional<Boolean> verdict(ChatResponse reply) {
        if (reply.choices().isEmpty()) {
            return Optional.empty();
        }
        String text = reply.message().text().strip().toLowerCase(Locale.ROOT).replaceAll("^[^a-z]+", "");
        if (text.matches("(?s)yes\\b.*")) {
            return Optional.of(true);
        }
        if (text.matches("(?s)no\\b.*")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** The last user turn's text (what the answer answers). */
    private static String question(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            Message m = request.messages().get(i);
            if (m.role() == Role.USER) {
                return m.text();
            }
        }
        return "";
    }

    private static String tail(String s) {
        return s.length() <= MAX_CHARS ? s : "..." + s.substring(s.length() - MAX_CHARS);
    }

    private static String head(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "...";
    }
}
