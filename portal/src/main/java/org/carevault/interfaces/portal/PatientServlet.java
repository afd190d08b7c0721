package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.carevault.application.access.AccessControl;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/** A portal page of the logged-in patient (the filter lets no request without one through). */
abstract class PatientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccessControl access;

    static Caller caller(HttpServletRequest request) {
        return Portal.caller(request).orElseThrow();
    }

    /** The patient's own reference: every page works on this patient only, whatever the request says. */
    PatientRef self(Caller caller) {
        return access.selfOf(caller).orElseThrow();
    }
}
