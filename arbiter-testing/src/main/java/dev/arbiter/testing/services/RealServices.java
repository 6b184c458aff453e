package dev.arbiter.testing.services;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis and PostgreSQL servers integration tests run against ({@code . .ci/services.sh} starts them and sets
 * the variables). A test whose server is not configured is skipped, unless {@code ARBITER_REQUIRE_SERVICES=1} (CI),
 * where a missing server is a failure rather than a silent skip.
 */
public final class RealServices {
    public static final String POSTGRES = "ARBITER_TEST_POSTGRES_URL";
    public static final String REDIS = "ARBITER_TEST_REDIS_URL";

    private RealServices() {
    }

    /** {@code ARBITER_TEST_POSTGRES_URL}, a JDBC URL such as jdbc:postgresql://127.0.0.1:5499/arbiter?user=arbiter. */
    public static String postgresUrl() {
        return required(POSTGRES);
    }

    /** {@code ARBITER_TEST_REDIS_URL}, e.g. redis://127.0.0.1:6399. */
    public static String redisUrl() {
        return required(REDIS);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String why = variable + " is not set (run `. .ci/services.sh` from the repository root)";
            if ("1".equals(System.getenv("ARBITER_REQUIRE_SERVICES"))) {
                fail(why + ", and ARBITER_REQUIRE_SERVICES=1 requires it");
            }
            Assumptions.abort(why);
        }
        return value.strip();
    }
}
