-- Mailbox decisions in the audit trail: a refused use of a box, and a use under a mandate, name the box used (its written
-- form TYPE:ID:QUALITY), so that the box's owner can read who used or tried to use it. Entries written before name no
-- box, and their hash is unchanged (the box enters the canonical form only when there is one). Portable SQL.
ALTER TABLE audit_entry ADD COLUMN subject_box VARCHAR(64);
CREATE INDEX ix_audit_entry_box ON audit_entry (subject_box, seq);
