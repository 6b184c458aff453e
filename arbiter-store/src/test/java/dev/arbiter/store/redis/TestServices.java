package dev.arbiter.store.redis;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real servers integration tests run against ({@code . .ci/services.sh} starts them): a test whose server is not
 * configured is skipped, unless {@code ARBITER_REQUIRE_SERVICES=1} (CI), where it fails.
 */
final class TestServices {
    private TestServices() {
    }

    /** {@code ARBITER_TEST_REDIS_URL}, e.g. redis://127.0.0.1:6399. */
    static String redisUrl() {
        return required("ARBITER_TEST_REDIS_URL");
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            if ("1".equals(System.getenv("ARBITER_REQUIRE_SERVICES"))) {
                fail(variable + " is not set but ARBITER_REQUIRE_SERVICES=1; run `. .ci/services.sh` first");
            }
            Assumptions.abort(variable + " is not set; run `. .ci/services.sh` to test against a real server");
        }
        return value;
    }
}
