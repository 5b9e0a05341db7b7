-- Signalbox schema, version 11: canary targets and their recorded decisions (issue 9).
-- (9 and 10 are taken by other branches of the same release.)
--
-- A target is the route's canary when canary_share is set; the other three columns then hold its
-- threshold, window and minimum number of attempts. NULL everywhere: an ordinary target, as before.
ALTER TABLE route_targets ADD COLUMN canary_share INT CHECK (canary_share BETWEEN 1 AND 99);
ALTER TABLE route_targets ADD COLUMN canary_min_success_percent INT
    CHECK (canary_min_success_percent BETWEEN 1 AND 100);
ALTER TABLE route_targets ADD COLUMN canary_window_minutes INT
    CHECK (canary_window_minutes BETWEEN 1 AND 60);
ALTER TABLE route_targets ADD COLUMN canary_min_requests INT CHECK (canary_min_requests >= 1);

-- Every decision about a canary: demoted by the proxy, promoted or rolled back by the user. Kept
-- across configuration replacements (no foreign key): a rolled-back canary's history outlives it.
CREATE TABLE canary_decisions (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    decided_at_ms       BIGINT        NOT NULL, -- epoch milliseconds, as elsewhere in the store
    route               VARCHAR(512)  NOT NULL,
    provider            VARCHAR(64)   NOT NULL,
    model               VARCHAR(512)  NOT NULL,
    action              VARCHAR(16)   NOT NULL
        CHECK (action IN ('demoted', 'promoted', 'rolled_back')),
    share               INT           NOT NULL,
    min_success_percent INT           NOT NULL,
    window_minutes      INT           NOT NULL,
    min_requests        INT           NOT NULL,
    successes           BIGINT        NOT NULL,
    attempts            BIGINT        NOT NULL
);
CREATE INDEX canary_decisions_by_route ON canary_decisions (route, decided_at_ms);
