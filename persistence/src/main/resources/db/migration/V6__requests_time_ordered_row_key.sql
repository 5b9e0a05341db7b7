-- Signalbox schema, version 6: the request log keyed by a time-ordered BIGINT (issue 3).
--
-- Until now every stored request updated three B-trees: H2's hidden row id, the primary key on the
-- text id and the started_at index. Now the table's own key is row_key = started_at * 2^20 + a
-- sequence number (RowKeys), so the rows are stored in time order and a time range is a range of
-- the key: the started_at index is no longer needed. A micro-benchmark of the insert went from
-- about 8 to about 5 us per row (docs/performance.md, session 3). The id keeps a unique index: a
-- batch written again must not be counted twice, and the attempts refer to it.
--
-- Tables are copied, not altered: H2 cannot change the primary key that request_attempts refers to.

CREATE TABLE requests_v6 (
    row_key           BIGINT        NOT NULL PRIMARY KEY, -- started_at * 1048576 + a sequence
    id                VARCHAR(64)   NOT NULL UNIQUE,      -- the x-request-id
    started_at        BIGINT        NOT NULL,
    route             VARCHAR(512)  NOT NULL,
    provider          VARCHAR(64),
    model             VARCHAR(512),
    access_key_name   VARCHAR(64),
    status            INT           NOT NULL,
    stream            BOOLEAN       NOT NULL,
    attempt_count     INT           NOT NULL,
    latency_ms        BIGINT        NOT NULL,
    prompt_tokens     BIGINT        NOT NULL,
    completion_tokens BIGINT        NOT NULL,
    total_tokens      BIGINT        NOT NULL,
    cached_tokens     BIGINT        NOT NULL,
    reasoning_tokens  BIGINT        NOT NULL,
    usage_estimated   BOOLEAN       NOT NULL,
    error             VARCHAR(4096),
    attempt_outcome   VARCHAR(32),
    attempt_latency_ms BIGINT
);

-- Requests of one millisecond are numbered in id order, which is the order the lists show them in.
-- Counted through the started_at index row by row: a window function (ROW_NUMBER() OVER ...)
-- holds every row in memory, and ran a 256 MB heap out of memory on a log of 2 million requests.
INSERT INTO requests_v6
SELECT started_at * 1048576
           + (SELECT COUNT(*) FROM requests same
              WHERE same.started_at = r.started_at AND same.id < r.id),
       id, started_at, route, provider, model, access_key_name, status, stream, attempt_count,
       latency_ms, prompt_tokens, completion_tokens, total_tokens, cached_tokens,
       reasoning_tokens, usage_estimated, error, attempt_outcome, attempt_latency_ms
FROM requests r;

CREATE TABLE request_attempts_v6 (
    request_id VARCHAR(64)   NOT NULL REFERENCES requests_v6 (id) ON DELETE CASCADE,
    attempt_no INT           NOT NULL,
    provider   VARCHAR(64)   NOT NULL,
    model      VARCHAR(512)  NOT NULL,
    outcome    VARCHAR(32)   NOT NULL,
    status     INT,
    latency_ms BIGINT        NOT NULL,
    committed  BOOLEAN       NOT NULL,
    error      VARCHAR(4096),
    PRIMARY KEY (request_id, attempt_no)
);

INSERT INTO request_attempts_v6
SELECT request_id, attempt_no, provider, model, outcome, status, latency_ms, committed, error
FROM request_attempts;

DROP TABLE request_attempts;
DROP TABLE requests;
ALTER TABLE requests_v6 RENAME TO requests;
ALTER TABLE request_attempts_v6 RENAME TO request_attempts;
