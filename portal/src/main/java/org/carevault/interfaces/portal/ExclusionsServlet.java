package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carevault.application.access.ProfessionalDirectory;
import org.carevault.application.consent.ExclusionService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.TherapeuticExclusion;

/**
 * Exclusions: the patient searches the care providers the hub knows (by name or NIHII), excludes one
 * (that professional is refused the patient's data from now on, even with a relationship or in an
 * emergency), and lifts an exclusion. The page names professionals by name, role and NIHII; the server
 * finds the party behind the NIHII, so no professional's SSIN ever reaches the browser.
 */
@WebServlet("/exclusions")
public class ExclusionsServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExclusionService exclusions;

    @EJB
    private ProfessionalDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Page page = new Page(request, response);
        String query = request.getParameter("q") == null ? "" : request.getParameter("q").trim();
        StringBuilder body = new StringBuilder("<p>").append(page.text("exclusions.explain")).append("</p>");
        List<TherapeuticExclusion> active = exclusions.list(caller, patient).stream().filter(TherapeuticExclusion::active).toList();
        body.append("<section aria-labelledby=\"excluded-title\"><h2 id=\"excluded-title\">").append(page.text("exclusions.current"))
                .append("</h2>");
        if (active.isEmpty()) {
            body.append("<p id=\"no-exclusions\">").append(page.text("exclusions.none")).append("</p>");
        } else {
            body.append("<ul class=\"cards\" id=\"exclusions\">");
            for (TherapeuticExclusion exclusion : active) {
                ProfessionalDirectory.Known known = directory.of(exclusion.party())
                        .orElse(new ProfessionalDirectory.Known(page.text("unknown.name"), "", ""));
                body.append("<li class=\"card\"><h3>").append(Portal.escape(known.name())).append("</h3><p><small>")
                        .append(known.role().isEmpty() ? "" : page.text("role." + known.role()))
                        .append(known.nihii().isEmpty() ? "" : " · NIHII " + Portal.escape(known.nihii()))
                        .append(" · ").append(page.text("exclusions.since", page.date(exclusion.createdAt())))
                        .append("</small></p>")
                        .append(page.form("/exclusions", "<input type=\"hidden\" name=\"action\" value=\"lift\">"
                                + "<input type=\"hidden\" name=\"id\" value=\"" + exclusion.id() + "\">", "exclusions.lift", "secondary-dark"))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section><section aria-labelledby=\"search-title\"><h2 id=\"search-title\">").append(page.text("exclusions.search"))
                .append("</h2><form method=\"get\" action=\"").append(request.getContextPath()).append("/exclusions\" class=\"filter\">")
                .append("<label for=\"q\">").append(page.text("exclusions.query")).append("</label>")
                .append("<input type=\"search\" id=\"q\" name=\"q\" minlength=\"3\" value=\"").append(Portal.escape(query)).append("\">")
                .append("<button type=\"submit\" class=\"primary\">").append(page.text("exclusions.find")).append("</button></form>");
        if (!query.isEmpty()) {
            List<ProfessionalDirectory.Found> found = directory.search(query);
            if (found.isEmpty()) {
                body.append("<p id=\"no-results\">").append(page.text("exclusions.noresults")).append("</p>");
            }
            body.append("<ul class=\"cards\" id=\"results\">");
            for (ProfessionalDirectory.Found professional : found) {
                body.append("<li class=\"card\"><h3>").append(Portal.escape(professional.name())).append("</h3><p><small>")
                        .append(page.text("role." + professional.role())).append(" · NIHII ").append(Portal.escape(professional.nihii()))
                        .append("</small></p>")
                        .append(page.form("/exclusions", "<input type=\"hidden\" name=\"action\" value=\"exclude\">"
                                + "<input type=\"hidden\" name=\"nihii\" value=\"" + Portal.escape(professional.nihii()) + "\">"
                                + "<input type=\"hidden\" name=\"role\" value=\"" + Portal.escape(professional.role()) + "\">",
                                "exclusions.exclude", "danger"))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");
        page.write(page.text("title.exclusions"), body.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        switch (String.valueOf(request.getParameter("action"))) {
            case "exclude" -> exclusions.put(caller, patient, directory.byNihii(String.valueOf(request.getParameter("nihii")),
                    String.valueOf(request.getParameter("role"))).orElseThrow(
                            () -> new CareVaultException(ErrorCode.NOT_FOUND)));
            case "lift" -> exclusions.revoke(caller, patient, ObjectIds.parse(request.getParameter("id")));
            default -> {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/exclusions");
    }
}
