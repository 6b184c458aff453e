package dev.arbiter.core.router;

import java.util.function.Supplier;

/** A supplier computed once on first success and then shared; a failure is thrown and retried on the next call. */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
