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
import org.carevault.application.vault.PushedDocuments;
import org.carevault.application.vault.SumehrService;
import org.carevault.domain.Caller;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.kmehr.KmehrParser;
import org.carevault.kmehr.MedicationSchedule;
import org.carevault.kmehr.VaccinationRecord;
import org.carevault.application.vault.VaccinationService;
import org.carevault.application.audit.HubDocumentSigner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * The patient's own medication schedule and Sumehr list, read-only, through the vault's services (the
 * reads are decided and recorded like any other). Each medicine with when and how much to take it, how often, how,
 * from when to when, the instructions, its suspensions and who changed it last ({@link ScheduleView}); "my schedule"
 * on one printable page ({@code /medication/print}) and as a PDF ({@code /medication.pdf}).
 */
@WebServlet({"/medication", "/medication/print", "/medication.pdf"})
public class VaultServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private MedicationSchemeService schemes;

    @EJB
    private SumehrService sumehrs;

    @EJB
    private ProfessionalDirectory directory;

    @EJB
    private HubDocumentSigner signer;

    @EJB
    private VaccinationService vaccinations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder("<section aria-labelledby=\"scheme-title\"><h2 id=\"scheme-title\">")
                .append(page.text("medication.title")).append("</h2>");
        Optional<MedicationSchemeService.SchemeView> scheme = schemes.current(caller, patient, Optional.empty());
        if (!"/medication".equals(request.getServletPath())) {
            printed(page, scheme, response);
            return;
        }
        if (scheme.isEmpty()) {
            body.append("<p id=\"no-scheme\">").append(page.text("medication.none")).append("</p>");
        } else {
            body.append("<p>").append(page.text("medication.version", scheme.get().version(),
                    page.date(scheme.get().updatedAt()))).append("</p>");
            body.append(ScheduleView.cards(page, schedule(scheme.get().kmehr())));
        }
        body.append("</section><section aria-labelledby=\"sumehr-title\"><h2 id=\"sumehr-title\">")
                .append(page.text("sumehr.title")).append("</h2>");
        List<PushedDocuments.Entry> summaries = sumehrs.list(caller, patient, Optional.empty());
        if (summaries.isEmpty()) {
            body.append("<p id=\"no-sumehr\">").append(page.text("sumehr.none")).append("</p>");
        } else {
            body.append("<ul id=\"sumehrs\">");
            for (PushedDocuments.Entry entry : summaries) {
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
        body.append(vaccinations(page, caller, patient));
        page.write(page.text("title.medication"), body.toString());
    }

    /** The patient's vaccinations: against what, the vaccine, when, the lot, who gave it; newest first. */
    private String vaccinations(Page page, Caller caller, PatientRef patient) {
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"vaccination-title\"><h2 id=\"vaccination-title\">")
                .append(page.text("vaccination.title")).append("</h2>");
        List<VaccinationService.Read> read = vaccinations.history(caller, patient, Optional.empty());
        if (read.isEmpty()) {
            return html.append("<p id=\"no-vaccination\">").append(page.text("vaccination.none")).append("</p></section>").toString();
        }
        html.append("<ul class=\"cards\" id=\"vaccinations\">");
        for (VaccinationService.Read one : read) {
            for (VaccinationRecord record : VaccinationRecord.of(KmehrParser.parse(one.kmehr().getBytes(StandardCharsets.UTF_8)))) {
                String against = record.indications().stream().map(i -> page.code("CD-VACCINEINDICATION", i))
                        .reduce((a, b) -> a + ", " + b).orElse(page.plain("vaccination.unknown"));
                html.append("<li class=\"card\"><h3>").append(Portal.escape(against)).append("</h3>");
                record.vaccine().ifPresent(v -> html.append("<p>").append(page.text("vaccination.vaccine", v)).append("</p>"));
                record.date().ifPresent(d -> html.append("<p>").append(page.text("vaccination.date", page.written(d))).append("</p>"));
                record.lot().ifPresent(l -> html.append("<p>").append(page.text("vaccination.lot", l)).append("</p>"));
                record.author().ifPresent(a -> html.append("<p><small>").append(page.text("vaccination.by", a)).append("</small></p>"));
                html.append("</li>");
            }
        }
        return html.append("</ul></section>").toString();
    }

    /** "My schedule" on one page to print, or the same as a PDF (signed by the hub when it has a signing key). */
    private void printed(Page page, Optional<MedicationSchemeService.SchemeView> scheme, HttpServletResponse response)
            throws IOException {
        List<ScheduleView.Words> words = scheme.map(s -> ScheduleView.words(page, schedule(s.kmehr()), LocalDate.now(Portal.BRUSSELS)))
                .orElse(List.of());
        String name = acting(page.request()).map(Acting::name).orElseGet(() -> caller(page.request()).displayName());
        List<String> heading = new ArrayList<>(List.of(page.plain("pdf.patient", name)));
        scheme.ifPresent(s -> heading.add(page.plain("medication.version", s.version(), page.date(s.updatedAt()))));
        heading.add(page.plain("medication.made", page.dateTime(Instant.now())));
        String[] columns = {page.plain("medication.column.medicine"), page.plain("medication.take"), page.plain("medication.column.how"),
            page.plain("medication.column.period"), page.plain("medication.column.notes")};
        if ("/medication.pdf".equals(page.request().getServletPath())) {
            List<TablePdf.Row> rows = words.stream().map(w -> new TablePdf.Row(ScheduleView.row(w), w.status().isPresent())).toList();
            byte[] pdf = new TablePdf(page.plain("medication.printTitle"), heading, columns, page.plain("pdf.page"), SCHEDULE).render(rows);
            byte[] out = signer.available() ? signer.signPdf(pdf, page.plain("medication.printTitle")) : pdf;
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"carevault-medication-schedule.pdf\"");
            response.setContentLength(out.length);
            response.getOutputStream().write(out);
            return;
        }
        StringBuilder body = new StringBuilder("<div class=\"printed\">");
        heading.forEach(line -> body.append("<p>").append(Portal.escape(line)).append("</p>"));
        if (words.isEmpty()) {
            body.append("<p id=\"no-scheme\">").append(page.text("medication.none")).append("</p>");
        } else {
            body.append("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"schedule-caption\">"
                    + "<table id=\"schedule\"><caption id=\"schedule-caption\">").append(page.text("medication.printTitle"))
                    .append("</caption><thead><tr>");
            for (String column : columns) {
                body.append("<th scope=\"col\">").append(Portal.escape(column)).append("</th>");
            }
            body.append("</tr></thead><tbody>");
            for (ScheduleView.Words w : words) {
                body.append("<tr>");
                for (String cell : ScheduleView.row(w)) {
                    body.append("<td>").append(Portal.escape(cell).replace("\n", "<br>")).append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</tbody></table></div>");
        }
        // No script on the portal (its Content-Security-Policy): the browser's own print command prints the page alone.
        body.append("<p class=\"actions\">").append(page.text("medication.printHint")).append("</p></div>");
        page.write(page.text("medication.printTitle"), body.toString());
    }

    /** The PDF's columns: medicine, how to take it, how, period, notes (landscape A4). */
    private static final float[] SCHEDULE = {150, 220, 130, 110, 150};

    /** The schedule's elements (read by the kmehr module); what cannot be read is a line all the same, never dropped. */
    static MedicationSchedule schedule(String kmehr) {
        return MedicationSchedule.of(KmehrParser.parse(kmehr.getBytes(StandardCharsets.UTF_8)));
    }
}
