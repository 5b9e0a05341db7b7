-- Signalbox schema, version 9: router endpoints and access keys limited to routers (issue 9,
-- ADR 0013). (10 and 11 are taken by other branches of the same release.)
--
-- A configuration stored before has no rows here: no router, and every key may call /v1.
-- Like access_key_routes, router_routes names routes without a foreign key (the validator
-- reports an unknown name readably); a router's rows go with it (ON DELETE CASCADE), so
-- replacing the configuration deletes the routers and inserts them again.
CREATE TABLE routers (
    slug     VARCHAR(64) NOT NULL PRIMARY KEY, -- [a-z0-9-]{1,64}: the endpoint /router/SLUG/v1
    position INT         NOT NULL,
    active   BOOLEAN     NOT NULL              -- an inactive router answers 404
);

CREATE TABLE router_routes (
    router   VARCHAR(64)  NOT NULL REFERENCES routers (slug) ON DELETE CASCADE,
    position INT          NOT NULL,
    route    VARCHAR(512) NOT NULL, -- a route name exactly as in routes (a glob route by its glob)
    PRIMARY KEY (router, position)
);

CREATE TABLE access_key_routers (
    access_key VARCHAR(64) NOT NULL REFERENCES access_keys (name) ON DELETE CASCADE,
    position   INT         NOT NULL,
    router     VARCHAR(64) NOT NULL, -- no rows: the key may call /v1 and every router
    PRIMARY KEY (access_key, position)
);
