-- One hourly rollup row per (dimension, hour, value): the rows a chart of usage by route, provider,
-- model or access key reads. usage_hourly keeps every combination (hour x route x provider x
-- model x key), which is what the request log needs to be summed exactly, but a 30-day chart by
-- route had to add up ~160k of its rows for 1M requests; this table holds ~15k for the same chart.
-- dimension is 'route', 'provider', 'model', 'key' or 'all' (grp 'all': everything together).
-- '' in grp means none (a request no target served has no provider), as in usage_hourly.
CREATE TABLE usage_hourly_by (
    dimension          VARCHAR(8)   NOT NULL,
    hour_start         BIGINT       NOT NULL,
    grp                VARCHAR(512) NOT NULL,
    requests           BIGINT       NOT NULL,
    errors             BIGINT       NOT NULL,
    prompt_tokens      BIGINT       NOT NULL,
    completion_tokens  BIGINT       NOT NULL,
    total_tokens       BIGINT       NOT NULL,
    cached_tokens      BIGINT       NOT NULL,
    reasoning_tokens   BIGINT       NOT NULL,
    estimated_requests BIGINT       NOT NULL,
    PRIMARY KEY (dimension, hour_start, grp)
);

-- Existing history, summed from the full rollup.
INSERT INTO usage_hourly_by
SELECT d.dimension, u.hour_start,
       CASE d.dimension WHEN 'route' THEN u.route WHEN 'provider' THEN u.provider
                        WHEN 'model' THEN u.model WHEN 'key' THEN u.access_key_name
                        ELSE 'all' END AS grp,
       SUM(u.requests), SUM(u.errors), SUM(u.prompt_tokens), SUM(u.completion_tokens),
       SUM(u.total_tokens), SUM(u.cached_tokens), SUM(u.reasoning_tokens),
       SUM(u.estimated_requests)
FROM usage_hourly u
CROSS JOIN (VALUES ('route'), ('provider'), ('model'), ('key'), ('all')) AS d (dimension)
GROUP BY d.dimension, u.hour_start, grp;
