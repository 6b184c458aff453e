package dev.arbiter.core.config;

import static dev.arbiter.core.config.ConfigErrorsTest.assertAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.catalog.PriceSchedule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's price_changes, a route's baseline and the ledger section, with errors that point at the line. */
class LedgerConfigTest {
    private static final String MODEL = """
            providers:
              - {id: local, type: openai, base_url: "http://127.0.0.1:9001/v1"}
            models:
              - id: local/chat
                provider: local
                price: {input: 1.0, output: 2.0, cached_input: 0.1}
                context_window: 32000
            """;
    private static final String CHANGES = MODEL + """
                price_changes:
                  - {from: 2026-12-01, input: 0.8, output: 1.6, cached_input: 0.08}
                  - {from: "2027-01-15T12:00:00Z", input: 0.5, output: 1.0, cache_write: 0.6}
            catalog: {include_builtin: false}
            """;

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml) {
        return new ConfigFixture(dir).load(yaml);
    }

    private ConfigException error(String yaml) {
        return new ConfigFixture(dir).error(yaml);
    }

    private static Cursor yaml(String text) {
        return YamlDocument.parse("ledger.yaml", text, new Interpolator(Map.of()));
    }

    @Test
    void readsPriceChangesFromUtcDatesAndFullInstants() {
        ModelEntry chat = load(CHANGES).models().getFirst();

        assertThat(chat.priceChanges().changes()).containsExactly(
                new PriceSchedule.Change(Instant.parse("2026-12-01T00:00:00Z"),
                        new Price(new BigDecimal("0.8"), new BigDecimal("1.6"), new BigDecimal("0.08"), null)),
                new PriceSchedule.Change(Instant.parse("2027-01-15T12:00:00Z"),
                        new Price(new BigDecimal("0.5"), new BigDecimal("1.0"), null, new BigDecimal("0.6"))));
        assertThat(chat.priceAt(Instant.parse("2026-11-30T23:59:59Z")).input()).isEqualByComparingTo("1.0");
        assertThat(chat.priceAt(Instant.parse("2026-12-01T00:00:00Z")).input()).isEqualByComparingTo("0.8");
    }

    @Test
    void aModelWithoutPriceChangesHasAnEmptySchedule() {
        assertThat(load(MODEL + "catalog: {include_builtin: false}\n").models().getFirst().priceChanges().isEmpty())
                .isTrue();
    }

    @Test
    void priceChangesOutOfDateOrderAreRefusedAtTheLaterItem() {
        ConfigException e = error(MODEL + """
                    price_changes:
                      - {from: 2026-12-01, input: 0.8, output: 1.6}
                      - {from: 2026-11-01, input: 0.5, output: 1.0}
                """);

        assertAt(e, 10, 16, "models[0].price_changes[1].from", "price changes must be in date order:"
                + " 2026-11-01T00:00:00Z comes after 2026-12-01T00:00:00Z (models[0].price_changes[0].from, line 9)");
    }

    @Test
    void aDuplicatePriceChangeIsRefused() {
        ConfigException e = error(MODEL + """
                    price_changes:
                      - {from: 2026-12-01, input: 0.8, output: 1.6}
                      - {from: "2026-12-01T00:00:00Z", input: 0.5, output: 1.0}
                """);

        assertAt(e, 10, 16, "models[0].price_changes[1].from", "duplicate price change from 2026-12-01T00:00:00Z"
                + " (first given at models[0].price_changes[0].from, line 9)");
    }

    @Test
    void anUnreadableDateIsRefusedSayingWhatIsExpected() {
        ConfigException e = error(MODEL + """
                    price_changes:
                      - {from: 2026-13-01, input: 0.8, output: 1.6}
                """);

        assertAt(e, 9, 16, "models[0].price_changes[0].from", "expected a UTC date (2026-12-01) or an ISO instant"
                + " (2026-12-01T08:00:00Z), got '2026-13-01'");
    }

    @Test
    void aPriceChangeNeedsItsDateInputAndOutputAndKnownKeysOnly() {
        assertThat(error(MODEL + "    price_changes:\n      - {input: 0.8, output: 1.6}\n").problem())
                .isEqualTo("required key 'from' is missing");
        assertThat(error(MODEL + "    price_changes:\n      - {from: 2026-12-01, output: 1.6}\n").problem())
                .isEqualTo("required key 'input' is missing");
        assertThat(error(MODEL + "    price_changes:\n      - {from: 2026-12-01, input: 1, output: 1.6, cached: 1}\n")
                .problem()).startsWith("unknown key 'cached'");
        assertThat(error(MODEL + "    price_changes:\n      - {from: 2026-12-01, input: -1, output: 1.6}\n")
                .problem()).isEqualTo("price must not be negative, got -1");
    }

    @Test
    void aRouteMayNameItsBaselineModel() {
        GatewayConfig config = load(MODEL + """
                routes:
                  - {name: support, candidates: [local/chat], baseline: local/chat}
                  - {name: plain, candidates: [local/chat]}
                catalog: {include_builtin: false}
                """);

        assertThat(config.routing().routes()).extracting(RouteConfig::baseline).containsExactly("local/chat", null);
    }

    @Test
    void aRouteBaselineMustBeACatalogModel() {
        ConfigException e = error(MODEL + """
                routes:
                  - {name: support, baseline: local/chta}
                catalog: {include_builtin: false}
                """);

        assertAt(e, 9, 31, "routes[0].baseline", "unknown model 'local/chta'; did you mean 'local/chat'?");
    }

    @Test
    void theLedgerSectionDefaultsWhenEmpty() {
        assertThat(LedgerSection.read(yaml("{}"))).isEqualTo(LedgerConfig.DEFAULTS);
        assertThat(LedgerConfig.DEFAULTS).isEqualTo(new LedgerConfig(true, Duration.ofSeconds(1), 500, 100_000, null));
    }

    @Test
    void readsEveryLedgerKey() {
        LedgerConfig config = LedgerSection.read(yaml("""
                enabled: false
                flush_interval_ms: 250
                batch_size: 100
                queue_capacity: 5000
                baseline_model: openai/gpt-5.4
                """));

        assertThat(config).isEqualTo(new LedgerConfig(false, Duration.ofMillis(250), 100, 5000, "openai/gpt-5.4"));
    }

    @Test
    void refusesBadLedgerValuesAtTheirLine() {
        assertAt(assertError("flush_interval_ms: 0\n"), 1, 20, "flush_interval_ms", "must be between 1 and 3600000, got 0");
        assertAt(assertError("batch_size: 100\nqueue_capacity: 10\n"), 2, 17, "queue_capacity",
                "queue_capacity (10) must be at least batch_size (100)");
        assertAt(assertError("batch: 5\n"), 1, 1, "batch", "unknown key 'batch'; did you mean 'batch_size'?");
    }

    @Test
    void theLedgerBaselineModelMustBeInTheCatalog() {
        Cursor section = yaml("baseline_model: local/chta\n");
        ModelEntry chat = new ModelEntry("local/chat", List.of("chat"), "local", "chat", Price.of(1, 2), 1000, null,
                Set.of(), "local", null, Map.of());

        LedgerSection.checkModels(yaml("baseline_model: chat\n"), List.of(chat)); // an alias is fine
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> LedgerSection.checkModels(section, List.of(chat)));
        assertAt(e, 1, 17, "baseline_model", "unknown model 'local/chta'; did you mean 'local/chat'?");
    }

    private static ConfigException assertError(String text) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> LedgerSection.read(yaml(text))).isInstanceOf(ConfigException.class)
                .satisfies(t -> caught[0] = t);
        return (ConfigException) caught[0];
    }
}
