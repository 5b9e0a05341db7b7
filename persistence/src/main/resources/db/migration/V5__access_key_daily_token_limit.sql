-- Signalbox schema, version 5: an optional daily token limit per access key (issue 6).
--
-- NULL means no limit, which is what every key stored before had. The day is the local day of the
-- machine running Signalbox; the proxy counts each key's tokens of the day in memory, seeded from
-- the request log, so this column is read only when the access keys change, never per request.
ALTER TABLE access_keys ADD COLUMN daily_token_limit BIGINT CHECK (daily_token_limit > 0);
