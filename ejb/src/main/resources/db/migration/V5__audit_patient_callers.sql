-- A patient acting on their own data is recorded by their patient reference (24 characters), never by SSIN or name.
ALTER TABLE audit_entry ALTER COLUMN caller_id SET DATA TYPE VARCHAR(24);
