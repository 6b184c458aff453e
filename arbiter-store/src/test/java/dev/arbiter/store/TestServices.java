package dev.arbiter.store;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real servers integration tests use: skipped when the variable is unset, unless ARBITER_REQUIRE_SERVICES=1
 * (CI), where a missing server is a failure rather than a silent skip.
 */
final class TestServices {
    static final String POSTGRES = "ARBITER_TEST_POSTGRES_URL";

    private TestServices() {
    }

    /** The JDBC URL of the test PostgreSQL server, or the test is skipped (or failed under CI). */
    static String postgresUrl() {
        String url = System.getenv(POSTGRES);
        if (url == null || url.isBlank()) {
            String why = POSTGRES + " is not set (run `. .ci/services.sh` from the repository root)";
            if ("1".equals(System.getenv("ARBITER_REQUIRE_SERVICES"))) {
                fail(why + ", and ARBITER_REQUIRE_SERVICES=1 requires it");
            }
            Assumptions.abort(why);
        }
        return url.strip();
    }
}
