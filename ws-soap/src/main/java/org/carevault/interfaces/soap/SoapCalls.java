package org.carevault.interfaces.soap;

import jakarta.xml.ws.WebServiceContext;
import java.util.UUID;
import org.carevault.application.access.PatientDirectory;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;

/** What every patient operation on SOAP does first: the caller from the signature, the patient from the SSIN. */
final class SoapCalls {

    private SoapCalls() {
    }

    /** The work of one operation, for a caller and a patient. */
    @FunctionalInterface
    interface Action<T> {
        T run(Caller caller, PatientRef patient);
    }

    static <T> T forPatient(WebServiceContext context, PatientDirectory directory, String ssin, Action<T> action) {
        Caller caller = SoapCaller.of(context);
        return action.run(caller, directory.resolve(caller, ssin));
    }

    /** An object id from a request: a malformed one names nothing, so it is simply not found. */
    static UUID id(String id) {
        try {
            if (id == null || id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
    }
}
