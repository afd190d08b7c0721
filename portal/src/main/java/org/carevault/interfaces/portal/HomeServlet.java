package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.trail.AuditTrailService;
import org.carevault.application.consent.ConsentService;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.PatientRef;

/**
 * The patient's page: whether their informed consent is active, what it means, and the button to give
 * or withdraw it (a POST with the anti-forgery token; withdrawing takes effect at once for every
 * professional). Through the same services as REST and SOAP: decided and recorded, channel PORTAL.
 */
@WebServlet({"", "/consent", "/notices"})
public class HomeServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ConsentService consents;

    @EJB
    private AuditTrailService trail;

    /** Withdrawing comes back to its confirmation, giving to the consent's status. */
    @Override
    String afterStepUp(HttpServletRequest request) {
        return "withdraw".equals(request.getParameter("action")) ? "/?confirm=withdraw&confirmed=1" : "/?confirmed=1";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().isEmpty() && !"/".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Optional<PatientConsent> consent = consents.get(caller, patient);
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"greeting\">").append(acting(request).map(a -> page.text("greeting.acting", caller.displayName(),
                a.name())).orElseGet(() -> page.text("greeting", caller.displayName()))).append("</p>");
        notices(page, caller, patient, body);
        body
                .append("<section id=\"consent\" aria-labelledby=\"consent-title\"><h2 id=\"consent-title\">").append(page.text("consent.title"))
                .append("</h2>");
        // The status is a live region; after a change it takes the focus, so that the new state is what is read next.
        String status = "<p id=\"consent-status\" role=\"status\""
                + (request.getParameter("changed") != null ? " tabindex=\"-1\" autofocus" : "") + " class=\"status ";
        if (consent.isPresent() && "withdraw".equals(request.getParameter("confirm"))) {
            // Withdrawing asks first: the question, the confirming form, and the way back.
            body.append("<div id=\"withdraw-question\" role=\"alert\"><p tabindex=\"-1\" autofocus>")
                    .append(page.text("consent.withdraw.question")).append("</p>")
                    .append(page.form("/consent", "<input type=\"hidden\" name=\"action\" value=\"withdraw\">"
                            + "<input type=\"hidden\" name=\"confirm\" value=\"yes\">", "consent.withdraw.confirm", "danger confirm"))
                    .append("<p><a class=\"cancel\" href=\"").append(request.getContextPath()).append("/\">")
                    .append(page.text("consent.withdraw.cancel")).append("</a></p></div>");
        } else if (consent.isPresent()) {
            String since = page.date(consent.get().grantedAt());
            body.append(status).append("active\">").append(page.text("consent.active", since))
                    .append("</p><p>").append(page.text("consent.withdraw.explain")).append("</p>")
                    .append(page.form("/consent", "<input type=\"hidden\" name=\"action\" value=\"withdraw\">",
                            "consent.withdraw", "danger"));
        } else {
            body.append(status).append("inactive\">").append(page.text("consent.inactive"))
                    .append("</p><p>").append(page.text("consent.give.explain")).append("</p>")
                    .append(page.form("/consent", "<input type=\"hidden\" name=\"action\" value=\"give\">",
                            "consent.give", "primary"));
        }
        body.append("</section>");
        // The second factor is the patient's own, managed at the login service (Keycloak's account console).
        body.append("<p><a id=\"account-security\" href=\"").append(Portal.escape(Portal.accountSecurity())).append("\">")
                .append(page.text("security.manage")).append("</a></p>");
        page.write(page.text("title.home"), body.toString());
    }

    /** Emergency accesses not yet acknowledged, highlighted at the top, with the button that acknowledges them. */
    private void notices(Page page, Caller caller, PatientRef patient, StringBuilder body) {
        List<AuditEntry> unseen = trail.unacknowledgedBreakTheGlass(caller, patient);
        if (unseen.isEmpty()) {
            return;
        }
        body.append("<section id=\"notices\" class=\"notice\" role=\"alert\" aria-labelledby=\"notices-title\"><h2 id=\"notices-title\">")
                .append(page.text("notices.title", unseen.size())).append("</h2><ul>");
        for (var entry : unseen) {
            body.append("<li>").append(page.text("notices.entry", page.dateTime(entry.occurredAt()),
                    String.valueOf(entry.callerName()), entry.breakTheGlassReason().orElse(""))).append("</li>");
        }
        body.append("</ul>").append(page.form("/notices", "<input type=\"hidden\" name=\"upTo\" value=\""
                + unseen.get(0).seq() + "\">", "notices.acknowledge", "primary")).append("</section>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/".equals(request.getServletPath()) || request.getServletPath().isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        if ("/notices".equals(request.getServletPath())) {
            try {
                trail.acknowledgeBreakTheGlass(caller, patient, Long.parseLong(String.valueOf(request.getParameter("upTo"))));
            } catch (NumberFormatException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        switch (String.valueOf(request.getParameter("action"))) {
            case "give" -> consents.put(caller, patient, Optional.empty());
            case "withdraw" -> {
                if (!"yes".equals(request.getParameter("confirm"))) {
                    response.sendRedirect(request.getContextPath() + "/?confirm=withdraw");
                    return;
                }
                consents.revoke(caller, patient, Optional.empty());
            }
            default -> {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/?changed=1");
    }
}
