-- What the nodes of a cluster share through the database (docs/operations.md). Portable SQL (H2, PostgreSQL).

-- WS-Security replay detection: a signed request's identifier (SHA-256 of WSS4J's timestamp + signature identifier)
-- is recorded by the first node that sees it; the same request at any node afterwards is a replay. Rows past
-- expires_at (the request's own expiry, then useless) are deleted as new ones come in.
CREATE TABLE ws_replay (
    id          VARCHAR(64)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ws_replay PRIMARY KEY (id)
);
CREATE INDEX ix_ws_replay_expires ON ws_replay (expires_at);

-- Periodic jobs run once per period in the whole cluster: every node's timer fires, the first to move its job's
-- row to the current period runs it (the row lock makes the others wait, then see the period taken).
CREATE TABLE scheduled_job (
    name        VARCHAR(32)              NOT NULL,
    period      BIGINT                   NOT NULL,
    node        VARCHAR(64),
    ran_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_scheduled_job PRIMARY KEY (name)
);
INSERT INTO scheduled_job (name, period) VALUES ('audit-anchoring', -1);
INSERT INTO scheduled_job (name, period) VALUES ('mailbox-expiry', -1);

-- Which node ran which period of which job: what an operator (and the cluster test) reads to see each ran once.
CREATE TABLE scheduled_run (
    name        VARCHAR(32)              NOT NULL,
    period      BIGINT                   NOT NULL,
    node        VARCHAR(64)              NOT NULL,
    ran_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_scheduled_run PRIMARY KEY (name, period, node)
);
