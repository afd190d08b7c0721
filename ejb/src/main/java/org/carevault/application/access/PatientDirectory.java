package org.carevault.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.crypto.identity.Ssin;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;

/**
 * Resolves an SSIN to the patient's reference, for any authenticated caller: the answer is the same
 * whether or not the hub knows the patient, so it reveals nothing. An invalid SSIN is a coded error
 * that does not repeat it.
 */
@Stateless
public class PatientDirectory {

    @EJB
    private PatientRefs refs;

    @NoPatientData("maps an SSIN to the reference every other call uses; reads nothing about the patient")
    public PatientRef resolve(Caller caller, String ssin) {
        try {
            return refs.of(Ssin.of(ssin));
        } catch (InvalidIdentifierException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Not a valid SSIN (11 digits with valid check digits)");
        }
    }
}
