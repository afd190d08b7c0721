package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.access.AccessControl;
import org.carevault.application.consent.ProxyService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;

/**
 * A portal page of the logged-in patient (the filter lets no request without one through), about the patient the
 * session works on: the patient themselves, or a patient they act for as proxy (chosen on the proxies page; every
 * service call decides again whether the proxy still holds, so a revocation takes effect at the next click).
 */
abstract class PatientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The patient a proxy acts for in this session: their reference, the name given for them, the proxy's id. */
    record Acting(String patientRef, String name, UUID proxyId) implements Serializable {
        private static final long serialVersionUID = 1L;

        PatientRef patient() {
            return new PatientRef(patientRef);
        }
    }

    @Inject
    private AccessControl access;

    @EJB
    private ProxyService proxies;

    static Caller caller(HttpServletRequest request) {
        return Portal.caller(request).orElseThrow();
    }

    static Optional<Acting> acting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Acting) session.getAttribute(Portal.ACTING));
    }

    /** The patient's own reference, whatever the request or the session says. */
    PatientRef self(Caller caller) {
        return access.selfOf(caller).orElseThrow();
    }

    /** The patient this page works on: the one acted for, or the caller. Never taken from the request. */
    PatientRef subject(HttpServletRequest request) {
        return acting(request).map(Acting::patient).orElseGet(() -> self(caller(request)));
    }

    /**
     * A refusal by the services becomes its HTTP status; a change that needs a second factor the session lacks sends
     * the patient to Keycloak for it ({@code /step-up}) and back ({@link #afterStepUp}); one met while acting for someone who no longer counts the
     * caller among their proxies (revoked, expired) ends acting for them: the session is back on the caller's own data.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (CareVaultException e) {
            if (e.errorCode() == ErrorCode.STRONG_AUTHENTICATION_REQUIRED && !response.isCommitted()) {
                response.sendRedirect(request.getContextPath() + "/step-up?to="
                        + URLEncoder.encode(afterStepUp(request), StandardCharsets.UTF_8));
                return;
            }
            Optional<Acting> acting = acting(request);
            if (e.errorCode() == ErrorCode.ROLE_NOT_ALLOWED && acting.isPresent() && proxies.represented(caller(request))
                    .stream().noneMatch(view -> view.proxy().id().equals(acting.get().proxyId()))) {
                request.getSession().removeAttribute(Portal.ACTING);
                response.sendRedirect(request.getContextPath() + "/proxies?ended");
                return;
            }
            if (!response.isCommitted()) {
                response.sendError(status(e.errorCode()));
            }
        }
    }

    /**
     * Where a patient goes back to once they have given their second factor: the page they asked for (a download
     * starts then), or after a form, the page the form was on, marked {@code confirmed} (the page says the change can
     * now be made; the form is sent again by the patient, never replayed by the portal).
     */
    String afterStepUp(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return "GET".equals(request.getMethod()) ? request.getServletPath() + query : "/?confirmed=1";
    }

    /** The page's status for a service's error (the portal's own mapping: the domain's codes know nothing of HTTP). */
    static int status(ErrorCode code) {
        return switch (code.kind()) {
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case REFUSED -> HttpServletResponse.SC_FORBIDDEN;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case TOO_LARGE -> HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            case SYSTEM -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        };
    }
}
