package org.carevault.domain.consent;

/**
 * How a consent or a therapeutic relationship was established, as eHealth's proof types: a
 * professional reading or having signed with the patient's eID (or ISI+ card), the patient
 * declaring it themselves, or a hospital admission.
 */
public enum ProofType {
    EID_READING(true),
    EID_SIGNING(true),
    ISI_READING(true),
    DECLARED_BY_PATIENT(false),
    HOSPITAL_ADMISSION(true);

    private final boolean byProfessional;

    ProofType(boolean byProfessional) {
        this.byProfessional = byProfessional;
    }

    /** Whether a professional (rather than the patient) can present this proof. */
    public boolean byProfessional() {
        return byProfessional;
    }
}
