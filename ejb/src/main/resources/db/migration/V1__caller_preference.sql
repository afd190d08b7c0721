-- Preferences a caller keeps across sessions (language of messages and of the portal).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE caller_preference (
    party_type  VARCHAR(8)   NOT NULL,
    party_value VARCHAR(16)  NOT NULL,
    language    VARCHAR(2)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_caller_preference PRIMARY KEY (party_type, party_value),
    CONSTRAINT ck_caller_preference_language CHECK (language IN ('nl', 'fr', 'de', 'en'))
);
