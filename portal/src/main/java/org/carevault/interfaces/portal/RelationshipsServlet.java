package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.carevault.application.access.ProfessionalDirectory;
import org.carevault.application.consent.TherapeuticLinkService;
import org.carevault.domain.Caller;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.TherapeuticLink;

/**
 * The care providers with an active therapeutic relationship with the patient (name, role, since, until,
 * proof), each with a button to end it at once. The form sends the relationship's id; the service refuses
 * one that is not this patient's, whatever the page sent.
 */
@WebServlet("/relationships")
public class RelationshipsServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TherapeuticLinkService links;

    @EJB
    private ProfessionalDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Instant now = Instant.now();
        List<TherapeuticLink> active = links.list(caller, patient).stream()
                .filter(link -> link.revokedAt().isEmpty() && link.currentAt(now)).toList();
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder("<p>").append(page.text("relationships.explain")).append("</p>");
        if (active.isEmpty()) {
            body.append("<p id=\"no-relationships\">").append(page.text("relationships.none")).append("</p>");
        } else {
            body.append("<ul class=\"cards\" id=\"relationships\">");
            for (TherapeuticLink link : active) {
                ProfessionalDirectory.Known known = directory.of(link.party().party())
                        .orElse(new ProfessionalDirectory.Known(page.text("unknown.name"), link.party().role().name(), ""));
                body.append("<li class=\"card\"><h2>").append(Portal.escape(known.name())).append("</h2><dl>")
                        .append(page.definition("field.role", page.text("role." + link.party().role().name())))
                        .append(known.nihii().isEmpty() ? "" : page.definition("field.nihii", Portal.escape(known.nihii())))
                        .append(page.definition("field.since", Portal.escape(page.date(link.start()))))
                        .append(page.definition("field.until", Portal.escape(page.date(link.end()))))
                        .append(page.definition("field.proof", page.text("proof." + link.proof().name())))
                        .append("</dl>")
                        .append(page.form("/relationships", "<input type=\"hidden\" name=\"id\" value=\"" + link.id() + "\">",
                                "relationships.revoke", "danger"))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        page.write(page.text("title.relationships"), body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        links.revoke(caller, subject(request), ObjectIds.parse(request.getParameter("id")));
        response.sendRedirect(request.getContextPath() + "/relationships");
    }
}
