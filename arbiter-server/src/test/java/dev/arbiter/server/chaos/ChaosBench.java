package dev.arbiter.server.chaos;

import dev.arbiter.core.reliability.BreakerState;
import dev.arbiter.testing.chaos.FaultPlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The long chaos run (bench/chaos.sh): the chaos test's setup, measured for longer, in three gateways side by side —
 * a clean baseline, faults whose 429s ask for one second (the faulty deployments then sit out often), and faults whose
 * 429s ask for none (the faulty deployments keep their full share of traffic, so many more requests meet a fault).
 * They take turns in 10-second rounds so JIT warm-up and machine noise fall on all alike. Each faulty round ends with
 * an outage of one deployment (down until its breaker opens, then healthy until it closes). Prints a markdown table
 * of success rates, failures by kind and latency, including the latency of the requests that met a fault.
 * Arguments: {@code [seconds per scenario, default 60] [client threads, default 4] [fault rate, default 0.2]}.
 */
public final class ChaosBench {
    private static final long ROUND_NANOS = 10_000_000_000L;

    private ChaosBench() {
    }

    /** One gateway under one kind of load, and what its clients saw. */
    private static final class Scenario {
        final String name;
        final ChaosRun run;
        final boolean faulty;
        final ChaosResults results = new ChaosResults();
        int outages;
        int opened;
        int closed;

        Scenario(String name, ChaosRun run, boolean faulty) {
            this.name = name;
            this.run = run;
            this.faulty = faulty;
        }

        void round() {
            long end = System.nanoTime() + ROUND_NANOS;
            if (!faulty) {
                results.addAll(run.drive(Integer.MAX_VALUE, () -> System.nanoTime() > end));
                return;
            }
            results.addAll(run.drive(Integer.MAX_VALUE, () -> System.nanoTime() > end - 3 * ROUND_NANOS / 10));
            outages++;
            run.alphaPlan.mode(FaultPlan.Mode.BLACKOUT);
            results.addAll(run.drive(Integer.MAX_VALUE, () -> state() == BreakerState.OPEN || System.nanoTime() > end));
            boolean open = state() == BreakerState.OPEN;
            opened += open ? 1 : 0;
            run.alphaPlan.mode(FaultPlan.Mode.CLEAN);
            results.addAll(run.drive(Integer.MAX_VALUE, () -> state() == BreakerState.CLOSED || System.nanoTime() > end + ROUND_NANOS));
            closed += open && state() == BreakerState.CLOSED ? 1 : 0;
            run.alphaPlan.mode(FaultPlan.Mode.FAULTY);
        }

        BreakerState state() {
            return run.deployment(ChaosRun.ALPHA_FAULTY).state();
        }
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        List<Scenario> scenarios = List.of(
                new Scenario("baseline (no faults)", new ChaosRun(0, clients, 7), false),
                new Scenario("faults, 429 Retry-After 1 s", new ChaosRun(rate, clients, 20260301L, Duration.ofSeconds(1)), true),
                new Scenario("faults, 429 Retry-After 0 s", new ChaosRun(rate, clients, 20260302L, Duration.ZERO), true));
        try {
            scenarios.forEach(s -> s.run.drive(2000)); // JIT warm-up, not measured
            for (long r = 0; r < Math.max(1, seconds / 10); r++) {
                scenarios.forEach(Scenario::round);
            }
            print(seconds, clients, rate, scenarios);
        } finally {
            scenarios.forEach(s -> s.run.close());
        }
    }

    private static void print(long seconds, int clients, double rate, List<Scenario> scenarios) {
        System.out.printf(Locale.ROOT, "%n## Chaos run: %d s per scenario, %d clients, %.0f%% faults on one deployment per model%n%n",
                seconds, clients, 100 * rate);
        System.out.println("| scenario | requests | streamed | success | explicit failures | silent failures | rescued (met a fault, answered)"
                + " | p50 ms | p99 ms | rescued: p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Scenario s : scenarios) {
            ChaosResults r = s.results;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f%% | %d | %d | %d (%.2f%%) | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    s.name, r.total(), r.streamed(), 100 * r.successRate(), r.explicitFailures(), r.silentFailures(),
                    r.rescued(), 100.0 * r.rescued() / Math.max(1, r.total()), r.latencyMillis(0.5), r.latencyMillis(0.99),
                    r.rescuedLatencyMillis(0.5), r.rescuedLatencyMillis(0.95), r.rescuedLatencyMillis(0.99));
        }
        System.out.println();
        for (Scenario s : scenarios.subList(1, scenarios.size())) {
            System.out.printf(Locale.ROOT, "- %s: %d outages, breaker opened in %d and closed again after %d (opened %d times"
                            + " in all); faults injected: alpha %s of %d calls, beta %s of %d calls; explicit failures %s;"
                            + " silent samples %s%n", s.name, s.outages, s.opened, s.closed,
                    s.run.deployment(ChaosRun.ALPHA_FAULTY).timesOpened(), s.run.alphaPlan.injected(), s.run.alphaPlan.answered(),
                    s.run.betaPlan.injected(), s.run.betaPlan.answered(), s.results.explicitTypes(), s.results.silentSamples());
        }
    }
}
