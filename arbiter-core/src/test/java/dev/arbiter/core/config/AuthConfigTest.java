package dev.arbiter.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The auth section: the admin key from the file or ARBITER_ADMIN_KEY, the key cache, positioned errors. */
class AuthConfigTest {
    private static final String KEY = "admin-0123456789abcdef";

    private static AuthConfig read(String yaml, Map<String, String> env) {
        Cursor root = YamlDocument.parse("arbiter.yaml", yaml, new Interpolator(env));
        return AuthSection.read(root.isNull() ? null : root.child("auth"), env);
    }

    private static ConfigException error(String yaml, Map<String, String> env) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> read(yaml, env)).isInstanceOf(ConfigException.class).satisfies(t -> caught[0] = t);
        return (ConfigException) caught[0];
    }

    @Test
    void withoutASectionOrVariableTheGatewayRunsOpen() {
        AuthConfig auth = read("", Map.of());
        assertThat(auth.enabled()).isFalse();
        assertThat(auth.keyCache()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theEnvironmentVariableAloneSetsTheAdminKey() {
        assertThat(read("", Map.of("ARBITER_ADMIN_KEY", KEY)).adminKey()).isEqualTo(KEY);
        assertThat(read("auth: {key_cache_ms: 250}", Map.of("ARBITER_ADMIN_KEY", KEY)))
                .isEqualTo(new AuthConfig(KEY, Duration.ofMillis(250)));
    }

    @Test
    void theConfiguredKeyWinsOverTheEnvironment() {
        String yaml = "auth:\n  admin_key: from-the-file-0123456789\n";
        assertThat(read(yaml, Map.of("ARBITER_ADMIN_KEY", KEY)).adminKey()).isEqualTo("from-the-file-0123456789");
    }

    @Test
    void anInterpolatedVariableWithAnEmptyDefaultLeavesTheGatewayOpenWhenUnset() {
        String yaml = "auth:\n  admin_key: ${ARBITER_ADMIN_KEY:-}\n  key_cache_ms: 0\n";
        AuthConfig auth = read(yaml, Map.of());
        assertThat(auth.enabled()).isFalse();
        assertThat(auth.keyCache()).isZero();
        assertThat(read(yaml, Map.of("ARBITER_ADMIN_KEY", KEY)).adminKey()).isEqualTo(KEY);
    }

    @Test
    void aShortAdminKeyIsRefusedAtItsLineWithoutEchoingIt() {
        ConfigException e = error("auth:\n  admin_key: hunter2\n", Map.of());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.keyPath()).isEqualTo("auth.admin_key");
        assertThat(e.getMessage()).contains("at least 16").doesNotContain("hunter2");
    }

    @Test
    void aShortAdminKeyInTheEnvironmentIsRefusedNamingTheVariable() {
        ConfigException e = error("", Map.of("ARBITER_ADMIN_KEY", "hunter2"));
        assertThat(e.getMessage()).contains("ARBITER_ADMIN_KEY").contains("at least 16").doesNotContain("hunter2");
    }

    @Test
    void anAdminKeyWithSpacesIsRefused() {
        assertThat(error("auth: {admin_key: 'has a space in the middle'}", Map.of()).getMessage()).contains("spaces");
    }

    @Test
    void unknownKeysAndNegativeCacheTimesAreRefusedAtTheirPosition() {
        ConfigException unknown = error("auth:\n  key_cache: 5\n", Map.of());
        assertThat(unknown.line()).isEqualTo(2);
        assertThat(unknown.getMessage()).contains("unknown key 'key_cache'").contains("key_cache_ms");
        ConfigException negative = error("auth:\n  key_cache_ms: -1\n", Map.of());
        assertThat(negative.keyPath()).isEqualTo("auth.key_cache_ms");
        assertThat(negative.getMessage()).contains("got -1");
        assertThat(error("auth: {key_cache_ms: soon}", Map.of()).getMessage()).contains("expected an integer");
    }

    @Test
    void itsTextFormNeverShowsTheAdminKey() {
        assertThat(new AuthConfig(KEY, Duration.ZERO).toString()).doesNotContain(KEY).contains("(set)");
    }
}
