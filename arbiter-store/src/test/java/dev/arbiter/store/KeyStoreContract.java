package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDBC key store, run against each database. */
abstract class KeyStoreContract extends StoreTestBase {
    private static final KeySpec PLAIN = new KeySpec("u1", "t1", List.of(), null, null);

    private KeyStore keys() {
        return storage.keys();
    }

    @Test
    void issuesAnSkArbSecretWhoseFirstTwelveCharactersAreThePrefix() {
        IssuedKey issued = keys().create(PLAIN);

        assertThat(issued.secret()).matches("sk-arb-[0-9A-Za-z]{40}");
        assertThat(issued.key().prefix()).isEqualTo(issued.secret().substring(0, 12));
        assertThat(issued.key().user()).isEqualTo("u1");
        assertThat(issued.key().team()).isEqualTo("t1");
        assertThat(issued.key().revoked()).isFalse();
    }

    @Test
    void findsAKeyByItsSecretAndByNothingElse() {
        IssuedKey issued = keys().create(PLAIN);

        assertThat(keys().findBySecret(issued.secret())).contains(issued.key());
        assertThat(keys().findBySecret(issued.key().prefix())).isEmpty();
        assertThat(keys().findBySecret(issued.secret() + "x")).isEmpty();
        assertThat(keys().findBySecret("")).isEmpty();
        assertThat(keys().findBySecret(null)).isEmpty();
    }

    @Test
    void storesOnlyTheSha256OfTheSecret() throws Exception {
        IssuedKey issued = keys().create(PLAIN);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(issued.secret().getBytes(StandardCharsets.UTF_8)));

        List<String> cells = storage.database().read("reading api_keys", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM api_keys")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.add(rs.getString(i));
                    }
                }
            }
            return out;
        });

        assertThat(cells).contains(expected).noneMatch(cell -> cell != null && cell.contains(issued.secret()));
    }

    @Test
    void keepsTheBudgetLimitsAndAllowedModelsExactly() {
        KeySpec spec = new KeySpec("u2", "t2", List.of("openai/gpt-5.4", "support-bot"),
                new BudgetSpec(new BigDecimal("49.99"), Period.MONTH), new RateLimitSpec(600L, null));

        IssuedKey issued = keys().create(spec);
        VirtualKey found = keys().findBySecret(issued.secret()).orElseThrow();

        assertThat(found.allowedModels()).containsExactly("openai/gpt-5.4", "support-bot");
        assertThat(found.budget().usd()).isEqualTo(new BigDecimal("49.99"));
        assertThat(found.budget().period()).isEqualTo(Period.MONTH);
        assertThat(found.limits()).isEqualTo(new RateLimitSpec(600L, null));
        assertThat(found.principal().allows("support-bot")).isTrue();
        assertThat(found.principal().allows("fast")).isFalse();
    }

    @Test
    void aKeyWithoutUserTeamBudgetOrLimitsReadsBackWithNulls() {
        IssuedKey issued = keys().create(new KeySpec(null, null, null, null, null));

        VirtualKey found = keys().findBySecret(issued.secret()).orElseThrow();

        assertThat(found).isEqualTo(issued.key());
        assertThat(found.user()).isNull();
        assertThat(found.budget()).isNull();
        assertThat(found.limits()).isNull();
        assertThat(found.allowedModels()).isEmpty();
    }

    @Test
    void revokesByPrefixOnceAndTheRevokedKeyIsStillFoundSoAuthCanSayRevoked() {
        IssuedKey issued = keys().create(PLAIN);

        VirtualKey revoked = keys().revoke(issued.key().prefix()).orElseThrow();
        VirtualKey again = keys().revoke(issued.key().prefix()).orElseThrow();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedAt()).isAfter(revoked.createdAt());
        assertThat(again.revokedAt()).as("revoking twice keeps the first time").isEqualTo(revoked.revokedAt());
        assertThat(keys().findBySecret(issued.secret())).contains(revoked);
    }

    @Test
    void revokesById() {
        IssuedKey issued = keys().create(PLAIN);

        assertThat(keys().revoke(issued.key().id())).hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void revokingAnUnknownKeyFindsNothing() {
        keys().create(PLAIN);

        assertThat(keys().revoke("sk-arb-nope")).isEmpty();
        assertThat(keys().revoke(" ")).isEmpty();
        assertThat(keys().list()).noneMatch(VirtualKey::revoked);
    }

    @Test
    void listsEveryKeyNewestFirstRevokedOnesIncluded() {
        IssuedKey first = keys().create(PLAIN);
        IssuedKey second = keys().create(new KeySpec("u2", "t1", List.of(), null, null));
        IssuedKey third = keys().create(new KeySpec("u3", "t2", List.of(), null, null));
        keys().revoke(second.key().id());

        assertThat(keys().list()).extracting(VirtualKey::id)
                .containsExactly(third.key().id(), second.key().id(), first.key().id());
        assertThat(keys().list().get(1).revoked()).isTrue();
    }

    @Test
    void manyKeysGetDistinctSecretsAndPrefixes() {
        List<IssuedKey> issued = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            issued.add(keys().create(PLAIN));
        }

        assertThat(issued).extracting(IssuedKey::secret).doesNotHaveDuplicates();
        assertThat(issued).extracting(k -> k.key().prefix()).doesNotHaveDuplicates();
        assertThat(keys().list()).hasSize(50);
    }
}
