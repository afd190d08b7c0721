package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.carevault.application.access.AccessControl;
import org.carevault.application.consent.ConsentService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.PatientRef;

/**
 * The patient's page: whether their informed consent is active, what it means, and the button to give
 * or withdraw it (a POST with the anti-forgery token; withdrawing takes effect at once for every
 * professional). Through the same services as REST and SOAP: decided and recorded, channel PORTAL.
 */
@WebServlet({"", "/consent"})
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConsentService consents;

    @EJB
    private AccessControl access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/consent".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Caller caller = Portal.caller(request).orElseThrow();
        PatientRef self = access.selfOf(caller).orElseThrow();
        Optional<PatientConsent> consent = consents.get(caller, self);
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"greeting\">").append(page.text("greeting", caller.displayName())).append("</p>")
                .append("<section aria-labelledby=\"consent-title\"><h2 id=\"consent-title\">").append(page.text("consent.title"))
                .append("</h2>");
        if (consent.isPresent()) {
            String since = page.date(consent.get().grantedAt());
            body.append("<p id=\"consent-status\" class=\"status active\">").append(page.text("consent.active", since))
                    .append("</p><p>").append(page.text("consent.withdraw.explain")).append("</p>")
                    .append(page.form("/consent", "<input type=\"hidden\" name=\"action\" value=\"withdraw\">",
                            "consent.withdraw", "danger"));
        } else {
            body.append("<p id=\"consent-status\" class=\"status inactive\">").append(page.text("consent.inactive"))
                    .append("</p><p>").append(page.text("consent.give.explain")).append("</p>")
                    .append(page.form("/consent", "<input type=\"hidden\" name=\"action\" value=\"give\">",
                            "consent.give", "primary"));
        }
        body.append("</section>");
        page.write(page.text("title.home"), body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/consent".equals(request.getServletPath()) || !Portal.csrfHolds(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Caller caller = Portal.caller(request).orElseThrow();
        PatientRef self = access.selfOf(caller).orElseThrow();
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "give" -> consents.put(caller, self, Optional.empty());
                case "withdraw" -> consents.revoke(caller, self, Optional.empty());
                default -> {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
            }
        } catch (CareVaultException e) {
            response.sendError(e.errorCode().httpStatus());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
