package dev.arbiter.core.transport;

import dev.arbiter.core.error.ArbiterException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads an HTTP {@code Retry-After} header in either form RFC 9110 allows — delay-seconds or an HTTP-date — and
 * gives a codec's 429/503 failure that hint when the codec could not (some read only the seconds form).
 */
final class RetryAfterHeader {
    private RetryAfterHeader() {
    }

    /** {@code failure} with a Retry-After taken from the headers when it has none; unchanged otherwise. */
    static ArbiterException fill(ArbiterException failure, Map<String, List<String>> headers) {
        return fill(failure, headers, InstantSource.system());
    }

    static ArbiterException fill(ArbiterException failure, Map<String, List<String>> headers, InstantSource clock) {
        if (failure.retryAfter() != null) {
            return failure;
        }
        Duration parsed = parse(first(headers), clock);
        return parsed == null ? failure
                : new ArbiterException(failure.kind(), failure.getMessage(), failure.param(), failure.code(), parsed);
    }

    /** The delay a header value asks for (a date in the past means now), or null when it is neither form. */
    static Duration parse(String value, InstantSource clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // more digits than a long holds
            }
        }
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                return h.getValue().getFirst();
            }
        }
        return null;
    }
}
