package dev.arbiter.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void readsADeclaredLengthBodyIntoOneArrayAndReadsOnToTheEnd() throws IOException {
        CountingStream in = new CountingStream("{\"a\":1}");
        assertThat(Bodies.read(in, 7, 100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
        assertThat(in.sawEnd).as("the end of the entity was read, so the connection can be reused").isTrue();
    }

    @Test
    void readsAChunkedBodyWhole() throws IOException {
        String big = "x".repeat(10_000);
        assertThat(Bodies.read(stream(big), -1, 20_000)).hasSize(10_000);
    }

    @Test
    void stopsOneByteOverTheLimitSoCallersCanRefuseIt() throws IOException {
        assertThat(Bodies.read(stream("x".repeat(50)), -1, 10)).hasSize(11);
        assertThat(Bodies.read(stream("x".repeat(50)), 50, 10)).hasSize(11);
    }

    @Test
    void keepsWhatAPeerSentBeyondItsDeclaredLengthUpToTheLimit() throws IOException {
        assertThat(Bodies.read(stream("abcdef"), 3, 100)).asString(StandardCharsets.UTF_8).isEqualTo("abcdef");
        assertThat(Bodies.read(stream("abcdefghij"), 3, 5)).asString(StandardCharsets.UTF_8).isEqualTo("abcdef");
    }

    @Test
    void returnsWhatArrivedWhenTheBodyIsShorterThanDeclared() throws IOException {
        assertThat(Bodies.read(stream("abc"), 10, 100)).asString(StandardCharsets.UTF_8).isEqualTo("abc");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final class CountingStream extends ByteArrayInputStream {
        boolean sawEnd;

        CountingStream(String s) {
            super(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            sawEnd |= b < 0;
            return b;
        }
    }
}
