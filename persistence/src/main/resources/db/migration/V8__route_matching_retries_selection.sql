-- Signalbox schema, version 8: request matching, retries and round robin per route (issue 9).
-- (6 and 7 are taken by other branches of the same release.)
--
-- Every new column is NULL or has a default that means the behaviour routes had before, so stored
-- configurations keep working unchanged.
ALTER TABLE routes ADD COLUMN retries INT CHECK (retries BETWEEN 0 AND 20); -- NULL: every target
ALTER TABLE routes ADD COLUMN selection VARCHAR(16) DEFAULT 'weighted' NOT NULL
    CHECK (selection IN ('weighted', 'round_robin'));
ALTER TABLE route_targets ADD COLUMN match_path VARCHAR(1024); -- a glob over the request path

-- A target's header and query conditions; a target without rows takes every request.
CREATE TABLE route_target_conditions (
    route           VARCHAR(512)  NOT NULL,
    target_position INT           NOT NULL,
    kind            VARCHAR(8)    NOT NULL CHECK (kind IN ('header', 'query')),
    position        INT           NOT NULL,
    name            VARCHAR(1024) NOT NULL,
    condition_value VARCHAR(1024) NOT NULL,
    PRIMARY KEY (route, target_position, kind, position),
    FOREIGN KEY (route, target_position) REFERENCES route_targets (route, position)
        ON DELETE CASCADE
);
