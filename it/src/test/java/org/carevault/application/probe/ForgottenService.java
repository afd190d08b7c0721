package org.carevault.application.probe;

import jakarta.ejb.Stateless;
import org.carevault.domain.Caller;

/**
 * An application service whose method forgets to declare its access: only deployed by {@code UndeclaredServiceIT},
 * which expects the server to refuse the deployment. Never part of the hub.
 */
@Stateless
public class ForgottenService {

    public String look(Caller caller, String patient) {
        return patient;
    }
}
