-- Signalbox schema, version 2: what the last model discovery of each provider found, so the next
-- discovery can report the models added and gone since.
--
-- Both tables are keyed by the provider's name WITHOUT a foreign key to providers. A foreign key
-- with ON DELETE CASCADE would wipe every provider's discovery on each configuration change:
-- ConfigRepository.replace deletes all providers and inserts them again, even when a provider did
-- not change. Without the key the history survives an import, a PUT /api/config or an edit in the
-- app. The cost: a provider removed from the configuration leaves its rows behind (a few hundred
-- short rows at most), and a new provider given the same name compares against them, which reads
-- as "these models changed" and is harmless.

CREATE TABLE provider_discoveries (
    provider      VARCHAR(64) NOT NULL PRIMARY KEY,
    discovered_at BIGINT      NOT NULL -- epoch millis of the last successful discovery
);

-- The models the last discovery listed. A discovery that found no model keeps its
-- provider_discoveries row and no rows here, which differs from "never discovered".
CREATE TABLE discovered_models (
    provider   VARCHAR(64)  NOT NULL REFERENCES provider_discoveries (provider) ON DELETE CASCADE,
    model      VARCHAR(512) NOT NULL, -- the upstream id, as a route target names it
    first_seen BIGINT       NOT NULL, -- the first discovery that listed it, kept while listed
    last_seen  BIGINT       NOT NULL, -- the latest discovery that listed it
    PRIMARY KEY (provider, model)
);
