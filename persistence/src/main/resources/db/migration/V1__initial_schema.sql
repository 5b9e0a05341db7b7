-- Signalbox schema, version 1. Released migrations are never edited: change the schema in V2__...
--
-- Conventions:
-- * Times are epoch milliseconds (UTC) in BIGINT columns everywhere: no time zone conversions, and
--   the hourly usage buckets are integer arithmetic.
-- * Configuration tables are keyed by name, the way the configuration document links them. A child
--   row belongs to its parent (ON DELETE CASCADE), so replacing the configuration is three DELETEs
--   and the inserts.
-- * Targets, fallbacks and access keys name providers and routes without a foreign key: the import
--   validator reports an unknown name with a readable message, and the request log must keep names
--   of providers and routes that were since removed.
-- * Columns holding secrets hold SecretCipher text ("v1:" + base64), never plaintext. Access keys
--   are stored as a SHA-256 hash only.
-- * position columns keep the order of the document (route order decides which glob wins).

CREATE TABLE providers (
    name     VARCHAR(64)   NOT NULL PRIMARY KEY,
    position INT           NOT NULL,
    type     VARCHAR(32)   NOT NULL,
    base_url VARCHAR(2048) NOT NULL,
    api_key  VARCHAR(8192),            -- encrypted; NULL when the provider needs no key
    enabled  BOOLEAN       NOT NULL
);

CREATE TABLE provider_headers (
    provider     VARCHAR(64)    NOT NULL REFERENCES providers (name) ON DELETE CASCADE,
    header_name  VARCHAR(256)   NOT NULL,
    header_value VARCHAR(16384) NOT NULL, -- encrypted: headers often carry tokens too
    PRIMARY KEY (provider, header_name)
);

CREATE TABLE provider_models (
    provider VARCHAR(64)  NOT NULL REFERENCES providers (name) ON DELETE CASCADE,
    position INT          NOT NULL,
    model    VARCHAR(512) NOT NULL,
    PRIMARY KEY (provider, position)
);

CREATE TABLE routes (
    name            VARCHAR(512) NOT NULL PRIMARY KEY, -- the model name clients send, maybe a glob
    position        INT          NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    timeout_seconds INT          NOT NULL
);

CREATE TABLE route_targets (
    route    VARCHAR(512) NOT NULL REFERENCES routes (name) ON DELETE CASCADE,
    position INT          NOT NULL,
    provider VARCHAR(64)  NOT NULL,
    model    VARCHAR(512) NOT NULL, -- '*' passes the client's model name through
    weight   INT          NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    enabled  BOOLEAN      NOT NULL,
    PRIMARY KEY (route, position)
);

CREATE TABLE route_fallbacks (
    route    VARCHAR(512) NOT NULL REFERENCES routes (name) ON DELETE CASCADE,
    position INT          NOT NULL,
    provider VARCHAR(64)  NOT NULL,
    model    VARCHAR(512) NOT NULL,
    PRIMARY KEY (route, position)
);

CREATE TABLE access_keys (
    name         VARCHAR(64) NOT NULL PRIMARY KEY,
    position     INT         NOT NULL,
    key_hash     CHAR(64)    NOT NULL UNIQUE, -- SHA-256 hex of the key; the lookup on every request
    key_prefix   VARCHAR(16) NOT NULL,        -- shown in the UI to tell keys apart
    created_at   BIGINT      NOT NULL,
    last_used_at BIGINT
);

CREATE TABLE access_key_routes (
    access_key VARCHAR(64)  NOT NULL REFERENCES access_keys (name) ON DELETE CASCADE,
    position   INT          NOT NULL,
    route      VARCHAR(512) NOT NULL, -- no rows: the key may call every route
    PRIMARY KEY (access_key, position)
);

CREATE TABLE settings (
    setting_key   VARCHAR(128)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(8192) NOT NULL
);

-- The request log. Text that a client controls (the requested route, error messages) is cut to the
-- column length by RequestLogRepository, so one odd request cannot fail a whole batch.
CREATE TABLE requests (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY, -- the x-request-id
    started_at        BIGINT        NOT NULL,
    route             VARCHAR(512)  NOT NULL,
    provider          VARCHAR(64),                        -- the target that served; NULL if none
    model             VARCHAR(512),
    access_key_name   VARCHAR(64),                        -- NULL when no key was needed
    status            INT           NOT NULL,
    stream            BOOLEAN       NOT NULL,
    attempt_count     INT           NOT NULL,
    latency_ms        BIGINT        NOT NULL,
    prompt_tokens     BIGINT        NOT NULL,
    completion_tokens BIGINT        NOT NULL,
    total_tokens      BIGINT        NOT NULL,
    cached_tokens     BIGINT        NOT NULL,
    reasoning_tokens  BIGINT        NOT NULL,
    usage_estimated   BOOLEAN       NOT NULL, -- the upstream sent no usage; tokens were counted here
    error             VARCHAR(4096)
);

-- "Newest first" lists and time-range queries over a million rows.
CREATE INDEX requests_started_at ON requests (started_at);

CREATE TABLE request_attempts (
    request_id VARCHAR(64)   NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    attempt_no INT           NOT NULL, -- 1 for the first upstream attempt
    provider   VARCHAR(64)   NOT NULL,
    model      VARCHAR(512)  NOT NULL,
    outcome    VARCHAR(32)   NOT NULL,
    status     INT,                    -- NULL when no HTTP answer came (connect error, timeout)
    latency_ms BIGINT        NOT NULL,
    committed  BOOLEAN       NOT NULL, -- the response went to the client: no fallback after it
    error      VARCHAR(4096),
    PRIMARY KEY (request_id, attempt_no)
);

-- Usage per hour, kept up to date in the transaction that inserts the requests, so usage charts
-- read a few hundred rows instead of summing the request log. '' stands for "none" in provider,
-- model and access_key_name: they are part of the key, and NULL never equals NULL.
CREATE TABLE usage_hourly (
    hour_start         BIGINT       NOT NULL, -- epoch millis, a multiple of 3 600 000
    route              VARCHAR(512) NOT NULL,
    provider           VARCHAR(64)  NOT NULL,
    model              VARCHAR(512) NOT NULL,
    access_key_name    VARCHAR(64)  NOT NULL,
    requests           BIGINT       NOT NULL,
    errors             BIGINT       NOT NULL,
    prompt_tokens      BIGINT       NOT NULL,
    completion_tokens  BIGINT       NOT NULL,
    total_tokens       BIGINT       NOT NULL,
    cached_tokens      BIGINT       NOT NULL,
    reasoning_tokens   BIGINT       NOT NULL,
    estimated_requests BIGINT       NOT NULL,
    PRIMARY KEY (hour_start, route, provider, model, access_key_name)
);
