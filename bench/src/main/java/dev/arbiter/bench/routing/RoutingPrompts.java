package dev.arbiter.bench.routing;

import dev.arbiter.core.chat.ChatRequest;
import dev.arbiter.core.chat.Message;
import dev.arbiter.core.chat.ResponseFormat;
import java.util.List;
import java.util.Random;

/**
 * The request mix the routing benchmark decides on, built deterministically: a short chat question, a long coding
 * request (system prompt plus ~1.5k tokens of code), a math word problem and a ~4k-token document extraction asking
 * for JSON. Generated text varies its words (fixed seed) so the tokenizer sees realistic, non-repeating input.
 */
final class RoutingPrompts {
    static final String SHORT_CHAT = "short_chat";
    static final String LONG_CODING = "long_coding";
    static final String MATH = "math";
    static final String DOC_EXTRACTION = "doc_extraction_4k";
    /** Every kind above in turn, the figure to compare with the target. */
    static final String MIX = "mix";
    static final List<String> KINDS = List.of(SHORT_CHAT, LONG_CODING, MATH, DOC_EXTRACTION);

    private static final String ASSISTANT = "You are a helpful assistant. Answer concisely and accurately.";

    private RoutingPrompts() {
    }

    /** The requests of one kind ({@link #MIX}: all kinds, interleaved); several per kind so no one input is cached. */
    static List<ChatRequest> requests(String kind) {
        if (MIX.equals(kind)) {
            return KINDS.stream().flatMap(k -> requests(k).stream()).toList();
        }
        return switch (kind) {
            case SHORT_CHAT -> List.of(
                    chat("What's the capital of Australia?"),
                    chat("Can you recommend a good book about leadership for a first-time manager?"),
                    chat("My friend is upset with me because I forgot her birthday. What should I do?"));
            case LONG_CODING -> List.of(coding(1), coding(2), coding(3));
            case MATH -> List.of(
                    chat("A tank is filled by pipe A in 6 hours and by pipe B in 9 hours, while pipe C empties it in"
                            + " 12 hours. If all three are opened together when the tank is empty, after how many"
                            + " hours is the tank full? Show your reasoning."),
                    chat("Find all real x such that x^4 - 5x^2 + 4 = 0, and prove there are no others."),
                    chat("If I invest $2,000 at 5% interest compounded monthly, how much will I have after 10"
                            + " years?"));
            case DOC_EXTRACTION -> List.of(extraction(1), extraction(2), extraction(3));
            default -> throw new IllegalArgumentException("unknown prompt kind " + kind + " (known: " + KINDS
                    + " and " + MIX + ")");
        };
    }

    private static ChatRequest chat(String user) {
        return ChatRequest.builder("auto").messages(Message.system(ASSISTANT), Message.user(user)).build();
    }

    private static ChatRequest coding(long seed) {
        String system = "You are a senior Java engineer. Review code for correctness, concurrency and performance;"
                + " explain each change briefly and return the complete revised file in one fenced code block.";
        String user = "The service below leaks connections under load and sometimes returns stale prices. Find the"
                + " bugs, refactor it to use a bounded cache with expiry, and add JUnit 5 tests for the fixes.\n\n"
                + "```java\n" + SyntheticText.javaClass(new Random(seed), 13) + "```\n";
        return ChatRequest.builder("auto").messages(Message.system(system), Message.user(user)).maxTokens(4096).build();
    }

    private static ChatRequest extraction(long seed) {
        String system = "You extract structured data from documents. Answer only with JSON that matches the schema.";
        String user = "Extract every party, effective date, payment amount with currency, and termination clause"
                + " from the agreement below. Return a JSON object with keys parties, dates, payments, termination."
                + "\n\n" + SyntheticText.contract(new Random(seed), 45);
        return ChatRequest.builder("auto").messages(Message.system(system), Message.user(user))
                .responseFormat(ResponseFormat.JSON_OBJECT).maxTokens(1024).build();
    }
}
