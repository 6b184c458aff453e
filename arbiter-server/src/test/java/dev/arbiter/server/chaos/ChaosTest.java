package dev.arbiter.server.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.json.Json;
import dev.arbiter.core.reliability.BreakerState;
import dev.arbiter.testing.chaos.FaultPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway under injected faults (bounded, loopback): one deployment of each model fails 20% of calls in every
 * way an upstream can (429 with Retry-After, 500, 503, resets before and during the stream, stalls before the first
 * token and midway, garbled events); then one goes down completely and comes back. At least 99.9% of the client
 * requests must succeed, every failure a client sees must say so, and the breaker must open during the outage and
 * close after it.
 */
class ChaosTest {
    private static final int CLIENTS = 4;
    private static ChaosRun run;
    private static final ChaosResults all = new ChaosResults();
    private static boolean openedInBlackout;
    private static boolean healthShowedOpen;
    private static boolean closedAfterRecovery;

    @BeforeAll
    static void runTheChaos() throws Exception {
        run = new ChaosRun(0.2, CLIENTS, 20260301L);
        all.addAll(run.drive(1200));

        run.alphaPlan.mode(FaultPlan.Mode.BLACKOUT);
        all.addAll(run.drive(600, () -> run.deployment(ChaosRun.ALPHA_FAULTY).state() == BreakerState.OPEN));
        openedInBlackout = run.deployment(ChaosRun.ALPHA_FAULTY).state() == BreakerState.OPEN;
        healthShowedOpen = alphaFaultyStateOnHealth().equals("open");

        run.alphaPlan.mode(FaultPlan.Mode.CLEAN);
        long until = System.nanoTime() + 15_000_000_000L;
        while (run.deployment(ChaosRun.ALPHA_FAULTY).state() != BreakerState.CLOSED && System.nanoTime() < until) {
            all.addAll(run.drive(40));
        }
        closedAfterRecovery = run.deployment(ChaosRun.ALPHA_FAULTY).state() == BreakerState.CLOSED;

        run.alphaPlan.mode(FaultPlan.Mode.FAULTY);
        all.addAll(run.drive(1200));
        System.out.println("chaos: " + all + "; alpha faults " + run.alphaPlan.injected() + " of " + run.alphaPlan.answered()
                + ", beta faults " + run.betaPlan.injected() + " of " + run.betaPlan.answered() + "; " + run.deployment(ChaosRun.ALPHA_FAULTY)
                + "; blackout opened " + openedInBlackout + ", closed after " + closedAfterRecovery);
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    private static String alphaFaultyStateOnHealth() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(run.baseUrl().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode d : Json.parse(res.body()).path("deployments")) {
                if (d.path("id").asText().equals(ChaosRun.ALPHA_FAULTY)) {
                    return d.path("state").asText();
                }
            }
            return "missing";
        }
    }

    @Test
    void atLeast999InAThousandClientRequestsSucceed() {
        assertThat(all.total()).isGreaterThan(2400);
        assertThat(all.successRate()).as(all.toString()).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void everyFailureAClientSeesIsAnExplicitError() {
        assertThat(all.silentFailures()).as(all.silentSamples().toString()).isZero();
    }

    @Test
    void theFaultsWereReallyInjectedInEveryForm() {
        for (FaultPlan.Fault fault : FaultPlan.Fault.values()) {
            long injected = run.alphaPlan.injected().get(fault) + run.betaPlan.injected().get(fault);
            assertThat(injected).as(fault.name()).isGreaterThanOrEqualTo(2);
        }
        assertThat(all.rescued()).as("requests that met a fault and still got their answer").isGreaterThan(50);
        assertThat(all.streamed()).isBetween(all.total() / 3, 2 * all.total() / 3);
    }

    @Test
    void theBreakerOpensDuringTheOutageAndClosesAfterIt() {
        assertThat(openedInBlackout).isTrue();
        assertThat(healthShowedOpen).isTrue();
        assertThat(closedAfterRecovery).isTrue();
        assertThat(run.deployment(ChaosRun.ALPHA_FAULTY).timesOpened()).isPositive();
    }

    @Test
    void theCleanDeploymentsNeverOpened() {
        assertThat(run.deployment(ChaosRun.ALPHA_CLEAN).timesOpened()).isZero();
        assertThat(run.deployment("beta-clean/chaos-beta").timesOpened()).isZero();
    }
}
