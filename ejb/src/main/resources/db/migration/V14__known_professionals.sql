-- The care providers the hub knows (for patients: who is who, by name, role and NIHII; never a person's SSIN beside a
-- name in any page): one row per party and role, written the first time a node sees the party act (any decision), and
-- again when its credentials carry another name or NIHII. Searched by name and NIHII instead of scanning the audit trail.
CREATE TABLE known_professional (
    party_type  VARCHAR(8)   NOT NULL,
    party_id    VARCHAR(16)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    nihii       VARCHAR(16)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    name_lower  VARCHAR(120) NOT NULL,
    CONSTRAINT pk_known_professional PRIMARY KEY (party_type, party_id, role)
);
CREATE INDEX ix_known_professional_nihii ON known_professional (nihii, role);
CREATE INDEX ix_known_professional_name ON known_professional (name_lower);

-- Those seen before this table existed, from the audit trail (one pass; a party whose name changed keeps one of them).
INSERT INTO known_professional (party_type, party_id, role, nihii, name, name_lower)
SELECT caller_type, caller_id, caller_role, MAX(caller_nihii), MAX(caller_name), LOWER(MAX(caller_name))
FROM audit_entry
WHERE caller_nihii IS NOT NULL AND caller_name IS NOT NULL AND caller_role IN ('PHYSICIAN', 'PHARMACIST', 'NURSE', 'HOSPITAL')
GROUP BY caller_type, caller_id, caller_role;
