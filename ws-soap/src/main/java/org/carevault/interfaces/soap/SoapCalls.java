package org.carevault.interfaces.soap;

import jakarta.xml.ws.WebServiceContext;
import org.carevault.application.access.PatientDirectory;
import org.carevault.domain.Caller;
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
}
