package dev.arbiter.server.chaos;

import dev.arbiter.core.reliability.BreakerState;
import dev.arbiter.core.reliability.DeploymentSnapshot;
import dev.arbiter.testing.chaos.FaultPlan;
import java.util.Locale;

/**
 * The long chaos run (bench/chaos.sh): the chaos test's setup, measured for longer. First a clean baseline (no
 * faults), then the faulty run — 20% faults on one deployment of each model, with an outage of one deployment
 * every cycle (down until its breaker opens, back until it closes) — and prints a markdown table of success rate,
 * failures by kind and latency, with the latency the faults add over the baseline.
 * Arguments: {@code [seconds per run, default 60] [client threads, default 4] [fault rate, default 0.2]}.
 */
public final class ChaosBench {
    private ChaosBench() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        ChaosResults baseline;
        try (ChaosRun clean = new ChaosRun(0, clients, 7)) {
            clean.drive(2000); // JIT warm-up, not measured
            baseline = timed(clean, seconds);
        }
        ChaosResults faulty = new ChaosResults();
        int outages = 0;
        int opened = 0;
        int closed = 0;
        String faults;
        try (ChaosRun run = new ChaosRun(rate, clients, 20260301L)) {
            run.drive(2000);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                faulty.addAll(until(run, end, System.nanoTime() + 10_000_000_000L)); // 10 s of 20% faults
                outages++;
                run.alphaPlan.mode(FaultPlan.Mode.BLACKOUT);
                faulty.addAll(run.drive(Integer.MAX_VALUE, () -> state(run) == BreakerState.OPEN || System.nanoTime() > end));
                opened += state(run) == BreakerState.OPEN ? 1 : 0;
                run.alphaPlan.mode(FaultPlan.Mode.CLEAN);
                faulty.addAll(run.drive(Integer.MAX_VALUE, () -> state(run) == BreakerState.CLOSED || System.nanoTime() > end));
                closed += state(run) == BreakerState.CLOSED ? 1 : 0;
                run.alphaPlan.mode(FaultPlan.Mode.FAULTY);
            }
            faults = "alpha " + run.alphaPlan.injected() + " of " + run.alphaPlan.answered() + " calls; beta "
                    + run.betaPlan.injected() + " of " + run.betaPlan.answered() + " calls";
            DeploymentSnapshot d = run.deployment(ChaosRun.ALPHA_FAULTY);
            faults += "; breaker of " + d.deployment() + " opened " + d.timesOpened() + " times";
        }
        print(seconds, clients, rate, baseline, faulty, faults, outages, opened, closed);
    }

    private static BreakerState state(ChaosRun run) {
        return run.deployment(ChaosRun.ALPHA_FAULTY).state();
    }

    private static ChaosResults timed(ChaosRun run, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        return run.drive(Integer.MAX_VALUE, () -> System.nanoTime() > end);
    }

    private static ChaosResults until(ChaosRun run, long end, long phaseEnd) {
        return run.drive(Integer.MAX_VALUE, () -> System.nanoTime() > Math.min(end, phaseEnd));
    }

    private static void print(long seconds, int clients, double rate, ChaosResults base, ChaosResults chaos, String faults,
                              int outages, int opened, int closed) {
        System.out.printf(Locale.ROOT, "%n## Chaos run: %d s per run, %d clients, %.0f%% faults on one deployment per model%n%n",
                seconds, clients, 100 * rate);
        System.out.println("| run | requests | streamed | success | explicit failures | silent failures | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row("baseline (no faults)", base);
        row("faults + outages", chaos);
        System.out.printf(Locale.ROOT, "%nAdded latency under faults: p50 %+.1f ms, p95 %+.1f ms, p99 %+.1f ms over all"
                        + " requests.%n", chaos.latencyMillis(0.5) - base.latencyMillis(0.5),
                chaos.latencyMillis(0.95) - base.latencyMillis(0.95), chaos.latencyMillis(0.99) - base.latencyMillis(0.99));
        System.out.printf(Locale.ROOT, "Rescued requests (a failed upstream attempt, then a good answer): %d (%.2f%%);"
                        + " their latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms.%n", chaos.rescued(),
                100.0 * chaos.rescued() / Math.max(1, chaos.total()), chaos.rescuedLatencyMillis(0.5),
                chaos.rescuedLatencyMillis(0.95), chaos.rescuedLatencyMillis(0.99));
        System.out.printf(Locale.ROOT, "Outages: %d; breaker opened in %d, closed again after %d.%n", outages, opened, closed);
        System.out.println("Faults injected: " + faults + ".");
        System.out.println("Explicit failures by type: " + chaos.explicitTypes() + "; silent samples: " + chaos.silentSamples());
    }

    private static void row(String name, ChaosResults r) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f%% | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", name, r.total(),
                r.streamed(), 100 * r.successRate(), r.explicitFailures(), r.silentFailures(), r.latencyMillis(0.5),
                r.latencyMillis(0.95), r.latencyMillis(0.99), r.latencyMillis(1.0));
    }
}
