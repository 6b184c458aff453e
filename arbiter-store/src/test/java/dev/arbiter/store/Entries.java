package dev.arbiter.store;

import dev.arbiter.core.ledger.AttemptEntry;
import dev.arbiter.core.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Ledger entries for tests: sensible defaults, and the few fields a test cares about set by name. */
final class Entries {
    private String requestId;
    private Instant at = Instant.parse("2026-03-02T10:00:00Z");
    private String key;
    private String user;
    private String team;
    private String route;
    private String task = "chat";
    private String model = "openai/gpt-5.4";
    private long input = 100;
    private long cached = 20;
    private long output = 50;
    private long reasoning = 10;
    private BigDecimal cost = new BigDecimal("0.001");
    private BigDecimal baseline;
    private List<AttemptEntry> attempts = List.of(new AttemptEntry(0, "openai/gpt-5.4", "openai", "openai#0", 120, null));

    private Entries(String requestId) {
        this.requestId = requestId;
    }

    static Entries entry(String requestId) {
        return new Entries(requestId);
    }

    Entries at(String iso) {
        at = Instant.parse(iso);
        return this;
    }

    /** Key k, user u and team t all at once (null for an open gateway). */
    Entries who(String k, String u, String t) {
        key = k;
        user = u;
        team = t;
        return this;
    }

    Entries route(String r) {
        route = r;
        return this;
    }

    Entries task(String t) {
        task = t;
        return this;
    }

    Entries model(String m) {
        model = m;
        return this;
    }

    Entries tokens(long in, long cachedIn, long out, long reasoningOut) {
        input = in;
        cached = cachedIn;
        output = out;
        reasoning = reasoningOut;
        return this;
    }

    Entries cost(String usd) {
        cost = new BigDecimal(usd);
        return this;
    }

    Entries baseline(String usd) {
        baseline = usd == null ? null : new BigDecimal(usd);
        return this;
    }

    Entries attempts(AttemptEntry... list) {
        attempts = List.of(list);
        return this;
    }

    LedgerEntry build() {
        return new LedgerEntry(requestId, at, key, user, team, "openai.chat", route, task, model, "openai", false,
                200, "ok", input, cached, 0, output, reasoning, cost, baseline == null ? null : "openai/gpt-5.4",
                baseline, 850, null, false, "cheapest passing: " + model, attempts);
    }
}
