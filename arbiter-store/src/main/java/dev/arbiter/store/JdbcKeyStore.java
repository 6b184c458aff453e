package dev.arbiter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.limits.BudgetSpec;
import dev.arbiter.core.limits.Period;
import dev.arbiter.core.limits.RateLimitSpec;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeySecrets;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Virtual keys in the {@code api_keys} table. Only the SHA-256 hash of a secret is stored, with its 12-character
 * display prefix (unique: a new secret is drawn on the rare prefix collision), so a key can be revoked by prefix.
 */
final class JdbcKeyStore implements KeyStore {
    private static final int MAX_DRAWS = 5;
    private static final String COLUMNS = "id, prefix, user_name, team_name, allowed_models, budget_usd, budget_period,"
            + " rpm, tpm, created_at, revoked_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Database db;
    private final Clock clock;

    JdbcKeyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public IssuedKey create(KeySpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("a key needs a spec (user, team, allowed models, budget, limits)");
        }
        for (int draw = 1; ; draw++) {
            String secret = KeySecrets.generate();
            VirtualKey key = new VirtualKey(KeySecrets.newId(), KeySecrets.prefix(secret),
                    spec.user(), spec.team(), spec.allowedModels(), spec.budget(), spec.limits(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
            Boolean inserted = db.write("creating a key", c -> insert(c, key, KeySecrets.hash(secret)));
            if (inserted) {
                return new IssuedKey(key, secret);
            }
            if (draw == MAX_DRAWS) {
                throw new StorageException("creating a key failed: " + MAX_DRAWS + " prefix collisions in a row");
            }
        }
    }

    /** False when the prefix (or, astronomically unlikely, the hash) is taken: the caller draws again. */
    private Boolean insert(Connection c, VirtualKey key, String secretHash) throws SQLException {
        Dialect d = db.dialect();
        String sql = "INSERT INTO api_keys (id, prefix, secret_hash, user_name, team_name, allowed_models, budget_usd,"
                + " budget_period, rpm, tpm, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                + " ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key.id());
            ps.setString(2, key.prefix());
            ps.setString(3, secretHash);
            ps.setString(4, key.user());
            ps.setString(5, key.team());
            ps.setString(6, toJson(key.allowedModels()));
            d.bindMoney(ps, 7, key.budget() == null ? null : key.budget().usd());
            ps.setString(8, key.budget() == null ? null : key.budget().period().label());
            setLong(ps, 9, key.limits() == null ? null : key.limits().rpm());
            setLong(ps, 10, key.limits() == null ? null : key.limits().tpm());
            d.bindInstant(ps, 11, key.createdAt());
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<VirtualKey> findBySecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String hash = KeySecrets.hash(secret.strip());
        return db.read("looking up a key", c -> first(c, "SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = ?",
                hash));
    }

    @Override
    public List<VirtualKey> list() {
        return db.read("listing keys", c -> select(c,
                "SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at DESC, id DESC"));
    }

    @Override
    public Optional<VirtualKey> revoke(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.isBlank()) {
            return Optional.empty();
        }
        String ref = idOrPrefix.strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.write("revoking a key", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ?"
                    + " WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL")) {
                db.dialect().bindInstant(ps, 1, now);
                ps.setString(2, ref);
                ps.setString(3, ref);
                ps.executeUpdate();
            }
            return first(c, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ? OR prefix = ?", ref, ref);
        });
    }

    private Optional<VirtualKey> first(Connection c, String sql, String... args) throws SQLException {
        return select(c, sql, args).stream().findFirst();
    }

    private List<VirtualKey> select(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<VirtualKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    private VirtualKey row(ResultSet rs) throws SQLException {
        var usd = Dialect.readMoney(rs, "budget_usd");
        String period = rs.getString("budget_period");
        BudgetSpec budget = usd == null || period == null ? null
                : new BudgetSpec(usd, Period.valueOf(period.toUpperCase(Locale.ROOT)));
        Long rpm = getLong(rs, "rpm");
        Long tpm = getLong(rs, "tpm");
        RateLimitSpec limits = rpm == null && tpm == null ? null : new RateLimitSpec(rpm, tpm);
        return new VirtualKey(rs.getString("id"), rs.getString("prefix"), rs.getString("user_name"),
                rs.getString("team_name"), fromJson(rs.getString("allowed_models")), budget, limits,
                db.dialect().readInstant(rs, "created_at"), db.dialect().readInstant(rs, "revoked_at"));
    }

    private static String toJson(List<String> models) {
        try {
            return Json.MAPPER.writeValueAsString(models);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StorageException("api_keys.allowed_models holds something other than a JSON list of names: "
                    + json);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
