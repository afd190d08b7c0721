package org.carevault.domain.consent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A patient reference as stored: its 24 characters in a {@code patient_ref} column. Entities hold a {@link PatientRef};
 * where the reference is the row's identifier it stays a string (JPA does not convert identifiers portably).
 */
@Converter
public class PatientRefColumn implements AttributeConverter<PatientRef, String> {

    @Override
    public String convertToDatabaseColumn(PatientRef patient) {
        return patient == null ? null : patient.value();
    }

    @Override
    public PatientRef convertToEntityAttribute(String column) {
        return column == null ? null : new PatientRef(column);
    }
}
