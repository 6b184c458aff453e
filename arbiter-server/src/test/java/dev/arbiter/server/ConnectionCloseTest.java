package dev.arbiter.server;

import static dev.arbiter.server.ChatBodies.chatWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 persistence on the caller's side: keep-alive by default, and {@code Connection: close} honoured. */
class ConnectionCloseTest {
    private static GatewayHarness gateway;

    @BeforeAll
    static void startGateway() {
        gateway = new GatewayHarness();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    private static String get(String path, String connection) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + connection + "\r\n";
    }

    private static String post(String body, String connection) {
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + connection + "\r\n" + body;
    }

    @Test
    void theConnectionClosesAfterAnsweringARequestThatAskedForIt() {
        RawHttp.Closing health = RawHttp.exchangeAndWaitForClose(gateway.server.port(),
                get("/health", "Connection: close\r\n"), 1);

        assertThat(health.replies().getFirst().status()).isEqualTo(200);
        assertThat(health.replies().getFirst().headers()).containsEntry("connection", "close");
        assertThat(health.closed()).isTrue();
    }

    @Test
    void aChatAnswerAndAnErrorAnswerCloseTheConnectionToo() {
        RawHttp.Closing chat = RawHttp.exchangeAndWaitForClose(gateway.server.port(),
                post(chatWith("test/gpt", ""), "Connection: close\r\n"), 1);
        RawHttp.Closing unknown = RawHttp.exchangeAndWaitForClose(gateway.server.port(),
                post(chatWith("no/such-model", ""), "Connection: close\r\n"), 1);

        assertThat(chat.replies().getFirst().status()).isEqualTo(200);
        assertThat(chat.closed()).isTrue();
        assertThat(unknown.replies().getFirst().status()).isEqualTo(404);
        assertThat(unknown.closed()).isTrue();
    }

    @Test
    void aStreamedAnswerEndsAndThenTheConnectionCloses() {
        RawHttp.Closing stream = RawHttp.exchangeAndWaitForClose(gateway.server.port(),
                post(chatWith("test/gpt", "\"stream\":true"), "Connection: close\r\n"), 1);

        assertThat(stream.replies().getFirst().status()).isEqualTo(200);
        assertThat(stream.replies().getFirst().body()).contains("data: [DONE]");
        assertThat(stream.closed()).isTrue();
    }

    @Test
    void withoutItTheConnectionStaysOpenForTheNextRequest() {
        RawHttp.Closing two = RawHttp.exchangeAndWaitForClose(gateway.server.port(),
                get("/health", "") + post(chatWith("test/gpt", ""), "Connection: close\r\n"), 2);

        assertThat(two.replies()).extracting(RawHttp.Reply::status).containsExactly(200, 200);
        assertThat(two.closed()).isTrue(); // only after the second, which asked for it
    }
}
