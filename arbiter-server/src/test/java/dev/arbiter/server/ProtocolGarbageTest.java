package dev.arbiter.server;

import static dev.arbiter.server.ChatBodies.CHAT;
import static dev.arbiter.server.ChatBodies.chatWith;
import static dev.arbiter.server.ErrorReplies.assertJsonBadRequest;
import static dev.arbiter.server.ErrorReplies.checked;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not valid HTTP (sent over a raw socket) still get a JSON error in the API's shape, not Helidon's
 * plain-text default, and the server keeps serving afterwards.
 */
class ProtocolGarbageTest {
    private static GatewayHarness gateway;

    @BeforeAll
    static void startGateway() {
        gateway = new GatewayHarness();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aRequestLineThatIsNotHttpGetsAJsonBadRequest() {
        assertJsonBadRequest(RawHttp.exchange(gateway.server.port(), "HELLO THERE\r\n\r\n"));
    }

    @Test
    void aHeaderWithoutAColonGetsAJsonBadRequest() {
        assertJsonBadRequest(RawHttp.exchange(gateway.server.port(),
                "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nthis is not a header\r\n\r\n"));
    }

    @Test
    void aHeaderNameWithSpacesGetsAJsonBadRequest() {
        assertJsonBadRequest(RawHttp.exchange(gateway.server.port(),
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: x\r\n\r\n"));
    }

    @Test
    void anInvalidContentLengthGetsAJsonBadRequest() {
        assertJsonBadRequest(RawHttp.exchange(gateway.server.port(),
                "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: lots\r\n\r\n{}"));
    }

    @Test
    void binaryNoiseGetsAJsonBadRequest() {
        assertJsonBadRequest(RawHttp.exchange(gateway.server.port(), "\u0001\u00ff".repeat(31) + "\r\n\r\n"));
    }

    @Test
    void aDeclaredBodyFarOverTheLimitGetsAJsonTooLarge() {
        RawHttp.Reply reply = RawHttp.exchange(gateway.server.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(ErrorReplies.whyNotOpenAiShape(ErrorReplies.parse(reply.body()))).as(reply.body()).isNull();
    }

    @Test
    void aChunkDeclaredFarOverTheLimitGetsAJsonTooLarge() {
        RawHttp.Reply reply = RawHttp.exchange(gateway.server.port(), "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Long.toHexString(GatewayHarness.MAX_BODY_BYTES + ArbiterServer.DRAINED_EXCESS_BYTES + 1) + "\r\n{\"model\"");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(ErrorReplies.whyNotAnthropicShape(ErrorReplies.parse(reply.body()))).as(reply.body()).isNull();
    }

    @Test
    void aChunkSizeThatIsNotHexGetsAJsonBadRequest() {
        RawHttp.Reply reply = RawHttp.exchange(gateway.server.port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertJsonBadRequest(reply);
    }

    @Test
    void theServerStillAnswersAfterGarbage() {
        RawHttp.exchange(gateway.server.port(), "\u0000\u0000\u0000\r\n\r\n");
        assertThat(checked(gateway.get("/health")).statusCode()).isEqualTo(200);
        assertThat(checked(gateway.post(CHAT, chatWith("test/gpt", ""))).statusCode()).isEqualTo(200);
    }
}
