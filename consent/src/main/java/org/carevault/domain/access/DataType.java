package org.carevault.domain.access;

/**
 * What a request touches. Health data needs the patient's consent and a therapeutic relationship
 * (or break-the-glass) and no exclusion; the others are the patient's own management data or
 * not patient data at all.
 */
public enum DataType {
    MEDICATION_SCHEME(true),
    SUMEHR(true),
    /** A vaccination given to the patient (KMEHR {@code vaccination} transaction). */
    VACCINATION(true),
    /** A message about a patient, sent through the mailbox (sealed: the hub never reads it). */
    MESSAGE(true),
    /** A mailbox message's routing data (who, when, receipts), read by its sender or a recipient. */
    MESSAGE_META(false),
    /** A care provider's mailbox as such: its folders, absences and mandates (decided by {@link BoxPolicy}). */
    MAILBOX(false),
    AUDIT_TRAIL(false),
    CONSENT(false),
    THERAPEUTIC_LINK(false),
    EXCLUSION(false),
    /** Who may act for the patient; only the patient (and an operator, for legal representatives) changes it. */
    PROXY(false),
    /** The hub's own operational data (decision counters); no patient's. */
    OPERATIONS(false);

    private final boolean healthData;

    DataType(boolean healthData) {
        this.healthData = healthData;
    }

    public boolean isHealthData() {
        return healthData;
    }
}
