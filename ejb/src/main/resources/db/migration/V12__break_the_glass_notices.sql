-- Break-the-glass notifications in the patient portal: each patient's acknowledgement, as the audit sequence number up
-- to which the patient has seen the emergency accesses (later ones are shown as notifications).
CREATE TABLE break_glass_acknowledgement (
    patient_ref     VARCHAR(24) NOT NULL,
    acknowledged_to BIGINT      NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_break_glass_acknowledgement PRIMARY KEY (patient_ref)
);
