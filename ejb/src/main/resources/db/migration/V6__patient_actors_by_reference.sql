-- A patient who gives consent, declares a relationship, revokes or excludes is recorded by their patient
-- reference (24 characters), never by SSIN.
ALTER TABLE patient_consent ALTER COLUMN granted_by_id SET DATA TYPE VARCHAR(24);
ALTER TABLE patient_consent ALTER COLUMN revoked_by_id SET DATA TYPE VARCHAR(24);
ALTER TABLE therapeutic_link ALTER COLUMN created_by_id SET DATA TYPE VARCHAR(24);
ALTER TABLE therapeutic_link ALTER COLUMN revoked_by_id SET DATA TYPE VARCHAR(24);
ALTER TABLE therapeutic_exclusion ALTER COLUMN created_by_id SET DATA TYPE VARCHAR(24);
ALTER TABLE therapeutic_exclusion ALTER COLUMN revoked_by_id SET DATA TYPE VARCHAR(24);
