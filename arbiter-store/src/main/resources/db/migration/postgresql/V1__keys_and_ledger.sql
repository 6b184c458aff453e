-- Virtual keys and the cost ledger (PostgreSQL). Money is NUMERIC (exact, no fixed scale); instants TIMESTAMPTZ.

CREATE TABLE api_keys (
    id             TEXT        NOT NULL PRIMARY KEY,
    prefix         TEXT        NOT NULL UNIQUE,      -- first 12 characters of the secret, shown to people
    secret_hash    TEXT        NOT NULL UNIQUE,      -- SHA-256 of the secret, lower-case hex; the secret is never stored
    user_name      TEXT,
    team_name      TEXT,
    allowed_models TEXT        NOT NULL DEFAULT '[]', -- JSON array of model or route names; [] = any
    budget_usd     NUMERIC,
    budget_period  TEXT CHECK (budget_period IN ('day', 'week', 'month')),
    rpm            BIGINT,
    tpm            BIGINT,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ
);
CREATE INDEX api_keys_created_at ON api_keys (created_at);

CREATE TABLE ledger_requests (
    request_id          TEXT        NOT NULL PRIMARY KEY,
    at                  TIMESTAMPTZ NOT NULL,
    key_id              TEXT,
    user_name           TEXT,
    team_name           TEXT,
    api                 TEXT,
    route               TEXT,
    task_type           TEXT,
    model               TEXT,
    provider            TEXT,
    stream              BOOLEAN     NOT NULL,
    status              INTEGER     NOT NULL,
    outcome             TEXT,
    input_tokens        BIGINT      NOT NULL,
    cached_input_tokens BIGINT      NOT NULL,
    cache_write_tokens  BIGINT      NOT NULL,
    output_tokens       BIGINT      NOT NULL,
    reasoning_tokens    BIGINT      NOT NULL,
    cost_usd            NUMERIC     NOT NULL,
    baseline_model      TEXT,
    baseline_cost_usd   NUMERIC,
    latency_ms          BIGINT      NOT NULL,
    ttft_ms             BIGINT,
    cache_hit           BOOLEAN     NOT NULL,
    decision            TEXT,
    attempt_count       INTEGER     NOT NULL
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
    millis        BIGINT  NOT NULL,
    error         TEXT,                              -- error type; NULL when the attempt succeeded
    PRIMARY KEY (request_id, attempt_index)
);
