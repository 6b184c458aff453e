package dev.arbiter.cli;

import dev.arbiter.core.config.ConfigException;
import dev.arbiter.core.config.ConfigLoader;
import dev.arbiter.core.config.GatewayConfig;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What {@code costs} and {@code project} share: loading the config and reading dates (UTC). */
final class LedgerCommandSupport {
    private LedgerCommandSupport() {
    }

    /** A bad command-line value or config: exit code 2 with one line. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static GatewayConfig config(Path file) {
        try {
            return ConfigLoader.load(file, System.getenv());
        } catch (ConfigException e) {
            throw new BadInput("invalid config: " + e.getMessage());
        }
    }

    /** A UTC date (its start) or a full ISO instant; {@code endOfDay} makes a date mean the start of the next day. */
    static Instant instant(String option, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new BadInput(option + " must be a date (2026-03-01) or an ISO instant (2026-03-01T00:00:00Z), got '"
                    + text + "'");
        }
    }
}
