package dev.arbiter.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry-After in both of RFC 9110's forms. */
class RetryAfterHeaderTest {
    private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfterHeader.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfterHeader.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsTheTimeUntilThen() {
        assertThat(RetryAfterHeader.parse("Sun, 01 Mar 2026 12:00:45 GMT", NOW)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(RetryAfterHeader.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anythingElseIsNoHint() {
        assertThat(RetryAfterHeader.parse("soon", NOW)).isNull();
        assertThat(RetryAfterHeader.parse("-5", NOW)).isNull();
        assertThat(RetryAfterHeader.parse("99999999999999999999999", NOW)).isNull();
        assertThat(RetryAfterHeader.parse(null, NOW)).isNull();
    }

    @Test
    void fillsTheHintACodecLeftOutAndKeepsOneItGave() {
        ArbiterException bare = new ArbiterException(ErrorKind.PROVIDER_RATE_LIMITED, "slow down");
        Map<String, List<String>> headers = Map.of("Retry-After", List.of("Sun, 01 Mar 2026 12:00:10 GMT"));

        assertThat(RetryAfterHeader.fill(bare, headers, NOW).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        ArbiterException hinted = new ArbiterException(ErrorKind.PROVIDER_RATE_LIMITED, "slow down", null, null, Duration.ofSeconds(3));
        assertThat(RetryAfterHeader.fill(hinted, headers, NOW)).isSameAs(hinted);
        assertThat(RetryAfterHeader.fill(bare, Map.of(), NOW)).isSameAs(bare);
    }
}
