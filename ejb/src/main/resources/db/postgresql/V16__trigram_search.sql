-- PostgreSQL only (SchemaMigration adds this folder on PostgreSQL): patients search care providers by any fragment of
-- their name (name_lower LIKE '%fragment%') or by the start of their NIHII (nihii LIKE 'digits%'). A b-tree cannot
-- serve a fragment, nor a prefix given as a parameter of a prepared statement, so the search would read the whole
-- table; trigram indexes serve both, whatever the value. pg_trgm is a trusted extension: the database's owner may
-- create it. (H2, the embedded single-node database, keeps its b-tree indexes.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_known_professional_name_trgm ON known_professional USING gin (name_lower gin_trgm_ops);
CREATE INDEX ix_known_professional_nihii_trgm ON known_professional USING gin (nihii gin_trgm_ops);
