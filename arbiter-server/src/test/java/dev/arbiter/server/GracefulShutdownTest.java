package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.testing.fake.ScriptedReply;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    @Test
    void aRequestInFlightWhenTheGatewayStopsStillGetsItsAnswer() throws Exception {
        GatewayHarness gateway = new GatewayHarness();
        try {
            // The upstream takes 1.5 s, three times Helidon's own default grace of 0.5 s.
            gateway.openai.enqueue(ScriptedReply.text("slow but sure", null)
                    .withTiming(new ScriptedReply.Timing(Duration.ofMillis(1500), Duration.ZERO, 1)));
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                    () -> gateway.post("/v1/chat/completions", ChatBodies.chatWith("test/gpt", "")));
            awaitUpstreamCall(gateway);

            gateway.server.close();

            HttpResponse<String> res = answer.get(10, TimeUnit.SECONDS);
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("slow but sure");
        } finally {
            gateway.close();
        }
    }

    private static void awaitUpstreamCall(GatewayHarness gateway) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gateway.openai.received().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gateway.openai.received()).as("the request reached the upstream").isNotEmpty();
    }
}
