package org.carevault.application.probe;

import jakarta.ejb.Stateless;
import org.carevault.application.access.NoPatientData;
import org.carevault.domain.Caller;

/** The same service with its access declared: the control of {@code UndeclaredServiceIT}, which must deploy. */
@Stateless
public class DeclaredService {

    @NoPatientData("a probe of the deployment check; returns the caller's own name")
    public String look(Caller caller, String name) {
        return name;
    }
}
