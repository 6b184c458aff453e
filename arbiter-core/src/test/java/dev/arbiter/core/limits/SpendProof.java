package dev.arbiter.core.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * Hammers spend counters from many threads at once: each round reserves an estimate and, when admitted, settles a
 * random real cost between zero and {@code maxActual}. Returns the total settled, to compare with the budget.
 */
final class SpendProof {
    private SpendProof() {
    }

    /** What the threads did: requests admitted and the sum of their settled costs. */
    record Result(int admitted, BigDecimal settled) {
    }

    static Result run(int threads, int rounds, Callable<Reservation> reserve,
                             BiConsumer<Reservation, BigDecimal> settle, BigDecimal maxActual) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int admitted = 0;
                    BigDecimal settled = BigDecimal.ZERO;
                    for (int i = 0; i < rounds; i++) {
                        Reservation r = reserve.call();
                        if (r != null) {
                            BigDecimal actual = maxActual.multiply(BigDecimal.valueOf(ThreadLocalRandom.current()
                                    .nextInt(0, 101))).divide(BigDecimal.valueOf(100), 6, RoundingMode.DOWN);
                            settle.accept(r, actual);
                            admitted++;
                            settled = settled.add(actual);
                        }
                    }
                    return new Result(admitted, settled);
                }));
            }
            start.countDown();
            int admitted = 0;
            BigDecimal settled = BigDecimal.ZERO;
            for (Future<Result> f : results) {
                admitted += f.get().admitted();
                settled = settled.add(f.get().settled());
            }
            return new Result(admitted, settled);
        }
    }
}
