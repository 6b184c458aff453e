package dev.arbiter.server;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.ledger.GroupBy;
import dev.arbiter.core.limits.Period;
import io.helidon.common.uri.UriQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query of {@code GET /admin/costs}: {@code by} (key, user, team, model, route or task; default key),
 * {@code from} (default the start of the current UTC month) and {@code to} (exclusive; default now). A time is an
 * ISO-8601 instant ({@code 2026-05-01T00:00:00Z}, or with an offset) or a date ({@code 2026-05-01} = its start, UTC).
 */
record CostParams(GroupBy by, Instant from, Instant to) {
    private static final Set<String> NAMES = Set.of("by", "from", "to");

    static CostParams read(UriQuery query, Clock clock) {
        for (String name : query.names()) {
            if (!NAMES.contains(name)) {
                throw ArbiterException.invalid(name, "Unknown query parameter '" + name + "'; /admin/costs takes by, from and to.");
            }
        }
        Instant now = clock.instant();
        GroupBy by = single(query, "by") == null ? GroupBy.KEY : groupBy(single(query, "by"));
        Instant from = instant(single(query, "from"), "from", Period.MONTH.start(now));
        Instant to = instant(single(query, "to"), "to", now);
        if (!from.isBefore(to)) {
            throw ArbiterException.invalid("from", "'from' (" + from + ") must be before 'to' (" + to + ").");
        }
        return new CostParams(by, from, to);
    }

    private static String single(UriQuery query, String name) {
        if (!query.contains(name)) {
            return null;
        }
        List<String> values = query.all(name);
        if (values.size() > 1) {
            throw ArbiterException.invalid(name, "Give '" + name + "' once, not " + values.size() + " times.");
        }
        return values.getFirst();
    }

    private static GroupBy groupBy(String text) {
        String label = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(GroupBy.values()).filter(g -> g.label().equals(label)).findFirst()
                .orElseThrow(() -> ArbiterException.invalid("by", "'by' must be one of "
                        + String.join(", ", Arrays.stream(GroupBy.values()).map(GroupBy::label).toList())
                        + "; got '" + abbreviated(text) + "'."));
    }

    private static Instant instant(String text, String name, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        // A '+' in an unencoded query string arrives as a space: "2026-05-01T00:00:00 02:00".
        String t = text.strip().replace(' ', '+');
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw ArbiterException.invalid(name, "'" + name + "' must be an ISO-8601 date (2026-05-01) or time"
                    + " (2026-05-01T00:00:00Z); got '" + abbreviated(text) + "'.");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
