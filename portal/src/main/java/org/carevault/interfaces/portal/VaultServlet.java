package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.carevault.application.access.ProfessionalDirectory;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.SumehrService;
import org.carevault.domain.Caller;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.kmehr.KmehrParser;
import org.carevault.kmehr.SchemeLine;

/**
 * The patient's own medication schedule and Sumehr list, read-only, through the vault's services (the
 * reads are decided and recorded like any other). A schedule element shows its medication's name, its
 * instructions in words when the prescriber gave them, and since when.
 */
@WebServlet("/medication")
public class VaultServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private MedicationSchemeService schemes;

    @EJB
    private SumehrService sumehrs;

    @EJB
    private ProfessionalDirectory directory;

    /** One line of the schedule as shown. */
    record Line(String medication, String instructions, String since) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder("<section aria-labelledby=\"scheme-title\"><h2 id=\"scheme-title\">")
                .append(page.text("medication.title")).append("</h2>");
        Optional<MedicationSchemeService.SchemeView> scheme = schemes.current(caller, patient, Optional.empty());
        if (scheme.isEmpty()) {
            body.append("<p id=\"no-scheme\">").append(page.text("medication.none")).append("</p>");
        } else {
            body.append("<p>").append(page.text("medication.version", scheme.get().version(),
                    page.date(scheme.get().updatedAt()))).append("</p><ul class=\"cards\" id=\"scheme\">");
            for (Line line : lines(scheme.get().kmehr())) {
                body.append("<li class=\"card\"><h3>").append(Portal.escape(line.medication())).append("</h3>");
                if (!line.instructions().isEmpty()) {
                    body.append("<p>").append(Portal.escape(line.instructions())).append("</p>");
                }
                if (!line.since().isEmpty()) {
                    body.append("<p><small>").append(page.text("medication.since", page.written(line.since()))).append("</small></p>");
                }
                body.append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section><section aria-labelledby=\"sumehr-title\"><h2 id=\"sumehr-title\">")
                .append(page.text("sumehr.title")).append("</h2>");
        List<SumehrService.Entry> summaries = sumehrs.list(caller, patient, Optional.empty());
        if (summaries.isEmpty()) {
            body.append("<p id=\"no-sumehr\">").append(page.text("sumehr.none")).append("</p>");
        } else {
            body.append("<ul id=\"sumehrs\">");
            for (SumehrService.Entry entry : summaries) {
                String author = directory.of(new PartyKey(entry.authorType(), entry.authorId()))
                        .map(ProfessionalDirectory.Known::name).orElse(page.text("unknown.name"));
                body.append("<li>").append(page.text("sumehr.entry", page.written(entry.documentDate()), author))
                        .append(entry.latest() ? " <strong>" + page.text("sumehr.latest") + "</strong>" : "")
                        .append("REVOKED".equals(entry.status()) ? " <em>" + page.text("sumehr.revoked") + "</em>" : "")
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");
        page.write(page.text("title.medication"), body.toString());
    }

    /** The schedule's elements in words (read by the kmehr module); what cannot be read is shown as an unnamed medication, never dropped. */
    static List<Line> lines(String kmehr) {
        return SchemeLine.of(KmehrParser.parse(kmehr.getBytes(StandardCharsets.UTF_8))).stream()
                .map(line -> new Line(line.medicine().orElse("?"), line.text().orElse(""), line.begin().orElse(""))).toList();
    }
}
