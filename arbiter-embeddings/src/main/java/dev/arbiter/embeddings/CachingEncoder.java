package dev.arbiter.embeddings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An encoder that remembers embeddings in a file, keyed by a hash of the encoder's id and the text, so training and
 * evaluation runs embed each prompt once (a build-time tool; the gateway never uses it).
 */
final class CachingEncoder implements SentenceEncoder {
    private static final int MAGIC = 0xE3BEDD01;

    private final SentenceEncoder delegate;
    private final Path file;
    private final Map<Long, float[]> cache = new ConcurrentHashMap<>();
    private int misses;

    CachingEncoder(SentenceEncoder delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        if (Files.exists(file)) {
            read();
        }
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(Fnv.hash(delegate.id() + '\u0000' + text), k -> {
            misses++;
            return delegate.embed(text);
        });
    }

    int misses() {
        return misses;
    }

    void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(MAGIC);
                out.writeInt(dimension());
                for (Map.Entry<Long, float[]> e : cache.entrySet()) {
                    out.writeLong(e.getKey());
                    for (float v : e.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file, e);
        }
    }

    private void read() {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != dimension()) {
                return; // another format or model: start afresh
            }
            while (true) {
                long key;
                try {
                    key = in.readLong();
                } catch (EOFException end) {
                    return;
                }
                float[] v = new float[dimension()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                cache.put(key, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding cache " + file, e);
        }
    }
}
