package dev.arbiter.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key secrets: their shape, their hash and the prefix people recognise them by. */
class KeySecretsTest {
    @Test
    void aNewSecretIsTheSchemeAndFortyBase62Characters() {
        String secret = KeySecrets.generate();
        assertThat(secret).startsWith("sk-arb-").hasSize(47).matches("sk-arb-[0-9A-Za-z]{40}");
        assertThat(KeySecrets.looksLikeKey(secret)).isTrue();
    }

    @Test
    void secretsAndIdsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(KeySecrets.generate());
            ids.add(KeySecrets.newId());
        }
        assertThat(secrets).hasSize(1000);
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches("key_[0-9A-Za-z]{16}"));
    }

    @Test
    void theHashIsTheLowerCaseHexSha256OfTheSecret() {
        assertThat(KeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeySecrets.hash(KeySecrets.generate())).matches("[0-9a-f]{64}");
    }

    @Test
    void thePrefixIsTheFirstTwelveCharacters() {
        assertThat(KeySecrets.prefix("sk-arb-ABCDEfghij0123456789")).isEqualTo("sk-arb-ABCDE");
        assertThat(KeySecrets.prefix("short")).isEqualTo("short");
    }

    @Test
    void otherKeysDoNotLookLikeArbiterKeys() {
        assertThat(KeySecrets.looksLikeKey("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD")).isFalse();
        assertThat(KeySecrets.looksLikeKey("sk-arb-short")).isFalse();
        assertThat(KeySecrets.looksLikeKey(null)).isFalse();
    }
}
