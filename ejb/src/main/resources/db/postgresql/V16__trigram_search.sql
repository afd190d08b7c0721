-- PostgreSQL only (SchemaMigration adds this folder on PostgreSQL): patients search care providers by any fragment of
-- their name (name_lower LIKE '%fragment%') or by the start of their NIHII. A b-tree cannot serve a fragment, so the
-- search would read the whole table; a trigram index can. pg_trgm is a trusted extension: the database's owner may
-- create it. The NIHII prefix index uses the pattern operator class, so that LIKE 'prefix%' uses it whatever the
-- database's collation. (H2, the embedded single-node database, keeps its b-tree indexes.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_known_professional_name_trgm ON known_professional USING gin (name_lower gin_trgm_ops);
CREATE INDEX ix_known_professional_nihii_prefix ON known_professional (nihii varchar_pattern_ops);
