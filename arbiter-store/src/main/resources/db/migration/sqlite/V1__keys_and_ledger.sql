-- Virtual keys and the cost ledger (SQLite). Money is exact decimal TEXT (never REAL: SQLite would round it to a
-- double); instants are UTC ISO-8601 TEXT with exactly three fraction digits, so text order is time order.

CREATE TABLE api_keys (
    id             TEXT    NOT NULL PRIMARY KEY,
    prefix         TEXT    NOT NULL UNIQUE,          -- first 12 characters of the secret, shown to people
    secret_hash    TEXT    NOT NULL UNIQUE,          -- SHA-256 of the secret, lower-case hex; the secret is never stored
    user_name      TEXT,
    team_name      TEXT,
    allowed_models TEXT    NOT NULL DEFAULT '[]',    -- JSON array of model or route names; [] = any
    budget_usd     TEXT CHECK (budget_usd IS NULL OR typeof(budget_usd) = 'text'),
    budget_period  TEXT CHECK (budget_period IS NULL OR budget_period IN ('day', 'week', 'month')),
    rpm            INTEGER,
    tpm            INTEGER,
    created_at     TEXT    NOT NULL,
    revoked_at     TEXT
);
CREATE INDEX api_keys_created_at ON api_keys (created_at);

CREATE TABLE ledger_requests (
    request_id          TEXT    NOT NULL PRIMARY KEY,
    at                  TEXT    NOT NULL,
    key_id              TEXT,
    user_name           TEXT,
    team_name           TEXT,
    api                 TEXT,
    route               TEXT,
    task_type           TEXT,
    model               TEXT,
    provider            TEXT,
    stream              INTEGER NOT NULL,            -- 0 or 1
    status              INTEGER NOT NULL,
    outcome             TEXT,
    input_tokens        INTEGER NOT NULL,
    cached_input_tokens INTEGER NOT NULL,
    cache_write_tokens  INTEGER NOT NULL,
    output_tokens       INTEGER NOT NULL,
    reasoning_tokens    INTEGER NOT NULL,
    cost_usd            TEXT    NOT NULL CHECK (typeof(cost_usd) = 'text'),
    baseline_model      TEXT,
    baseline_cost_usd   TEXT CHECK (baseline_cost_usd IS NULL OR typeof(baseline_cost_usd) = 'text'),
    latency_ms          INTEGER NOT NULL,
    ttft_ms             INTEGER,
    cache_hit           INTEGER NOT NULL,            -- 0 or 1
    decision            TEXT,
    attempt_count       INTEGER NOT NULL
);
-- Reports filter on a time range and group by one column; spend(subject, since) seeks (column, at).
CREATE INDEX ledger_requests_at ON ledger_requests (at);
CREATE INDEX ledger_requests_key_at ON ledger_requests (key_id, at);
CREATE INDEX ledger_requests_user_at ON ledger_requests (user_name, at);
CREATE INDEX ledger_requests_team_at ON ledger_requests (team_name, at);
CREATE INDEX ledger_requests_route_at ON ledger_requests (route, at);
CREATE INDEX ledger_requests_model_at ON ledger_requests (model, at);
CREATE INDEX ledger_requests_task_at ON ledger_requests (task_type, at);

CREATE TABLE ledger_attempts (
    request_id    TEXT    NOT NULL REFERENCES ledger_requests (request_id) ON DELETE CASCADE,
    attempt_index INTEGER NOT NULL,                  -- 0 = first attempt
    model         TEXT,
    provider      TEXT,
    deployment    TEXT,
    millis        INTEGER NOT NULL,
    error         TEXT,                              -- error type; NULL when the attempt succeeded
    PRIMARY KEY (request_id, attempt_index)
);
