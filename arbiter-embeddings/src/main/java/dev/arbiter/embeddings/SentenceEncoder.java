package dev.arbiter.embeddings;

/** Turns a text into a unit-length sentence embedding; pure and thread-safe. */
public interface SentenceEncoder {
    /** Names the model and anything that changes its output (such as how much text it reads), for caches. */
    String id();

    int dimension();

    /** The L2-normalised embedding of {@code text} (implementations may embed only a bounded slice of it). */
    float[] embed(String text);
}
