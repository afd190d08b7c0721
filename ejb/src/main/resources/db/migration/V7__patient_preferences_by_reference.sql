-- A patient's preferences are kept under their patient reference (24 characters), never their SSIN.
ALTER TABLE caller_preference ALTER COLUMN party_value SET DATA TYPE VARCHAR(24);
