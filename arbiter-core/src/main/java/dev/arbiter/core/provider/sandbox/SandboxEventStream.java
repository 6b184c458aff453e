package dev.arbiter.core.provider.sandbox;

import dev.arbiter.core.chat.EventStream;
import dev.arbiter.core.chat.StreamEvent;
import dev.arbiter.core.chat.ToolCall;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a planned answer as canonical stream events, pausing through the pacer before each one as the
 * model's timing says. Pauses go in slices so a {@link #close()} from another thread stops the pacing within
 * one slice; once closed, an unfinished stream's {@link #next()} throws (like a cancelled upstream stream).
 */
final class SandboxEventStream implements EventStream {
    static final int TOKENS_PER_TEXT_PIECE = 3;
    static final int TOKENS_PER_ARGUMENTS_PIECE = 6;
    private static final Duration SLICE = Duration.ofMillis(50);

    private final List<StreamEvent> events = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final Pacer pacer;
    private int next;
    private volatile boolean closed;

    SandboxEventStream(StreamEvent.Start start, Answer answer, PacingPlan plan, Pacer pacer) {
        this.pacer = pacer;
        add(start, Duration.ZERO);
        Duration untilFirst = plan.firstToken();
        for (TokenCounter.Piece piece : TokenCounter.pieces(answer.text(), TOKENS_PER_TEXT_PIECE)) {
            add(new StreamEvent.TextDelta(0, piece.text()), untilFirst.plus(plan.forTokens(piece.tokens())));
            untilFirst = Duration.ZERO;
        }
        for (int index = 0; index < answer.toolCalls().size(); index++) {
            ToolCall call = answer.toolCalls().get(index);
            add(new StreamEvent.ToolCallDelta(0, index, call.id(), call.name(), ""), untilFirst);
            untilFirst = Duration.ZERO;
            for (TokenCounter.Piece piece : argumentPieces(call.argumentsJson())) {
                add(new StreamEvent.ToolCallDelta(0, index, null, null, piece.text()), plan.forTokens(piece.tokens()));
            }
        }
        add(new StreamEvent.Finish(0, answer.finishReason()), untilFirst);
        add(new StreamEvent.UsageReport(answer.usage()), Duration.ZERO);
    }

    @Override
    public StreamEvent next() {
        if (next >= events.size()) {
            return null;
        }
        pace(pauses.get(next));
        return events.get(next++);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void add(StreamEvent event, Duration pauseBefore) {
        events.add(event);
        pauses.add(pauseBefore);
    }

    private void pace(Duration pause) {
        for (Duration left = pause; !left.isZero(); ) {
            failIfClosed();
            Duration step = left.compareTo(SLICE) < 0 ? left : SLICE;
            pacer.pause(step);
            left = left.minus(step);
        }
        failIfClosed();
    }

    private void failIfClosed() {
        if (closed) {
            throw new ArbiterException(ErrorKind.PROVIDER_ERROR, "the sandbox stream was closed before its end");
        }
    }

    /** Arguments in at least two pieces, as vendors stream them, even when they are a single token like {@code {}}. */
    private static List<TokenCounter.Piece> argumentPieces(String arguments) {
        List<TokenCounter.Piece> pieces = TokenCounter.pieces(arguments, TOKENS_PER_ARGUMENTS_PIECE);
        if (pieces.size() >= 2 || arguments.length() < 2) {
            return pieces;
        }
        int half = arguments.offsetByCodePoints(0, arguments.codePointCount(0, arguments.length()) / 2);
        int tokens = pieces.isEmpty() ? 0 : pieces.getFirst().tokens();
        return List.of(new TokenCounter.Piece(arguments.substring(0, half), tokens),
                new TokenCounter.Piece(arguments.substring(half), 0));
    }
}
