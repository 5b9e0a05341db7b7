-- Nearly every request has one attempt, by the target that served it. Writing that attempt as a
-- second row (with its own primary key and a foreign-key check) cost the request log as much as
-- the request itself. Such an attempt now lives in these two columns of its request; only
-- requests with several attempts, or a single one that did not serve them, use request_attempts.
-- NULL in both for older rows and for requests whose attempts are in request_attempts.
ALTER TABLE requests ADD COLUMN attempt_outcome VARCHAR(32);
ALTER TABLE requests ADD COLUMN attempt_latency_ms BIGINT;
