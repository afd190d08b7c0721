package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.carevault.application.access.ProfessionalDirectory;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.trail.AuditTrailService;
import org.carevault.application.audit.HubDocumentSigner;
import org.carevault.application.consent.ProxyService;
import org.carevault.domain.Caller;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;

/**
 * The patient's access log: every decision about their data, allowed or refused and why, newest first, 50 a page
 * with the total; what others did (care providers, organisations, proxies, the hub) first, the patient's own views
 * on request; each said in plain words ("Jan Peeters read your medication schedule"); break-the-glass accesses
 * highlighted; filtered by period (from / to, days) and by professional (chosen by
 * NIHII and role among those in the log); exported with the same filter as CSV and as a PDF signed by the hub
 * (with its time-stamp), to show to a third party. Professionals are shown by name, role and NIHII, never by SSIN.
 */
@WebServlet({"/log", "/log.csv", "/log.pdf"})
public class LogServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrailService trail;

    @EJB
    private ProfessionalDirectory directory;

    @EJB
    private ProxyService proxies;

    @EJB
    private HubDocumentSigner signer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Optional<LocalDate> from = day(request.getParameter("from"));
        Optional<LocalDate> to = day(request.getParameter("to"));
        // The professional is chosen by NIHII and role (what the page shows); the server finds the party behind them.
        String chosen = request.getParameter("professional") == null ? "" : request.getParameter("professional");
        Optional<PartyKey> party = Optional.of(chosen).filter(c -> c.contains("/"))
                .flatMap(c -> directory.byNihii(c.substring(0, c.indexOf('/')), c.substring(c.indexOf('/') + 1)));
        if (!chosen.isEmpty() && party.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Instant> since = from.map(d -> d.atStartOfDay(Portal.BRUSSELS).toInstant());
        Optional<Instant> until = to.map(d -> d.plusDays(1).atStartOfDay(Portal.BRUSSELS).toInstant());
        boolean exported = !"/log".equals(request.getServletPath());
        // The page shows what others did first (the patient's own views on request), 50 a page; the exports, everything.
        boolean own = "1".equals(request.getParameter("own"));
        int number = pageNumber(request.getParameter("page"));
        AuditTrailService.View view = exported
                ? trail.export(caller, patient, since, until, party, AuditTrailService.MAX_PAGE)
                : trail.view(caller, patient, since, until, party, !own, (number - 1) * PAGE, PAGE);
        List<AuditEntry> entries = view.entries();
        Who who = new Who(caller, patient, entries);
        Page page = new Page(request, response);
        if ("/log.csv".equals(request.getServletPath())) {
            csv(entries, who, page, response);
            return;
        }
        if ("/log.pdf".equals(request.getServletPath())) {
            pdf(entries, who, page, from, to, party.isEmpty() ? Optional.empty() : view.professionals().stream()
                    .filter(p -> chosen.equals(p.nihii() + "/" + p.role())).map(p -> p.name()).findFirst(), response);
            return;
        }
        String filter = "from=" + from.map(LocalDate::toString).orElse("") + "&to=" + to.map(LocalDate::toString).orElse("")
                + "&professional=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8);
        String here = request.getContextPath() + "/log?" + filter;
        // The professionals who appear in the patient's whole log, to choose from (by name, role and NIHII).
        Map<String, String> professionals = new TreeMap<>();
        for (AuditTrailService.Professional professional : view.professionals()) {
            professionals.putIfAbsent(professional.nihii() + "/" + professional.role(), professional.name() + " — "
                    + page.text("role." + professional.role()));
        }
        StringBuilder options = new StringBuilder("<option value=\"\">").append(page.text("log.everyone")).append("</option>");
        professionals.forEach((value, label) -> options.append("<option value=\"").append(Portal.escape(value)).append("\"")
                .append(value.equals(chosen) ? " selected" : "").append(">").append(Portal.escape(label)).append("</option>"));
        StringBuilder body = new StringBuilder("<p>").append(page.text("log.explain")).append("</p>")
                .append("<form method=\"get\" action=\"").append(request.getContextPath()).append("/log\" class=\"filter\">")
                .append("<label for=\"from\">").append(page.text("log.from")).append("</label><input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(from.map(LocalDate::toString).orElse("")).append("\">")
                .append("<label for=\"to\">").append(page.text("log.to")).append("</label><input type=\"date\" id=\"to\" name=\"to\" value=\"")
                .append(to.map(LocalDate::toString).orElse("")).append("\">")
                .append("<label for=\"professional\">").append(page.text("log.professional")).append("</label>")
                .append("<select id=\"professional\" name=\"professional\">").append(options).append("</select>")
                .append("<button type=\"submit\" class=\"primary\">").append(page.text("log.filter")).append("</button></form>")
                .append("<p><a id=\"csv\" href=\"").append(request.getContextPath()).append("/log.csv?").append(Portal.escape(filter))
                .append("\">").append(page.text("log.csv")).append("</a> · <a id=\"pdf\" href=\"").append(request.getContextPath())
                .append("/log.pdf?").append(Portal.escape(filter)).append("\">").append(page.text("log.pdf")).append("</a></p>");
        if (own) {
            body.append("<p id=\"own\"><a href=\"").append(Portal.escape(here)).append("\">").append(page.text("log.hideOwn"))
                    .append("</a></p>");
        } else if (view.ownLeftOut() > 0) {
            body.append("<p id=\"own\">").append(page.text("log.ownHidden", view.ownLeftOut())).append(" <a href=\"")
                    .append(Portal.escape(here + "&own=1")).append("\">").append(page.text("log.showOwn")).append("</a></p>");
        }
        long first = entries.isEmpty() ? 0 : (long) (number - 1) * PAGE + 1;
        body.append("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"log-caption\">"
                + "<table id=\"log\"><caption id=\"log-caption\">")
                .append(page.text("log.range", first, first + entries.size() - (entries.isEmpty() ? 0 : 1), view.total()))
                .append("</caption><thead><tr>");
        for (String column : new String[] {"log.when", "log.who", "log.what", "log.outcome"}) {
            body.append("<th scope=\"col\">").append(page.text(column)).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (AuditEntry entry : entries) {
            boolean glass = "BREAK_THE_GLASS".equals(entry.basis());
            body.append("<tr").append(glass ? " class=\"glass\"" : "").append("><td>").append(Portal.escape(page.dateTime(entry.occurredAt())))
                    .append("</td><td>").append(who.html(page, entry)).append("</td><td>")
                    .append(Portal.escape(said(page, entry, who.subject(page, entry)))).append("</td><td>")
                    .append(Portal.escape(outcome(page, entry))).append(glass ? "<br><strong>" + page.text("log.glass") + "</strong> "
                            + Portal.escape(entry.breakTheGlassReason().orElse("")) : "")
                    .append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        long pages = Math.max(1, (view.total() + PAGE - 1) / PAGE);
        String paging = here + (own ? "&own=1" : "") + "&page=";
        body.append("<nav class=\"pager\" aria-label=\"").append(page.text("log.pages")).append("\">");
        if (number > 1) {
            body.append("<a rel=\"prev\" href=\"").append(Portal.escape(paging + (number - 1))).append("\">")
                    .append(page.text("log.newer")).append("</a> ");
        }
        body.append("<span>").append(page.text("log.page", number, pages)).append("</span>");
        if (number < pages) {
            body.append(" <a rel=\"next\" href=\"").append(Portal.escape(paging + (number + 1))).append("\">")
                    .append(page.text("log.older")).append("</a>");
        }
        body.append("</nav>");
        page.write(page.text("title.log"), body.toString());
    }

    /** Entries a page. */
    static final int PAGE = 50;

    private static int pageNumber(String text) {
        try {
            return text == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * What happened, as a sentence the patient reads ("Jan Peeters read your medication schedule", "… tried to read …"
     * when refused); the operation's name stays in the CSV.
     */
    static String said(Page page, AuditEntry entry, String who) {
        String action = entry.action();
        String kind = "SendMessage".equals(action) ? "send" : "GetFullMessage".equals(action) ? "open"
                : "CheckAccess".equals(action) ? "check" : action.startsWith("Revoke") ? "revoke"
                : action.startsWith("Get") || action.startsWith("Check") || action.startsWith("Diff")
                        || "READ".equals(entry.operation()) ? "read" : "write";
        String data = page.plain("data." + entry.dataType());
        return page.plain(("PERMIT".equals(entry.decision()) ? "say." : "tried.") + kind, who, data);
    }

    /**
     * Who acted, as the patient reads it: a care provider by name, role and NIHII (never by SSIN); the patient as
     * "you" (or by name, to a proxy acting for them); a proxy by the name the patient gave them.
     */
    private final class Who {

        private final Caller caller;
        private final PatientRef patient;
        private final Map<String, String> proxyNames = new HashMap<>();

        Who(Caller caller, PatientRef patient, List<AuditEntry> entries) {
            this.caller = caller;
            this.patient = patient;
            // The proxies' names are read (a recorded read) only when the log shows something a proxy did.
            if (entries.stream().anyMatch(this::byProxy)) {
                for (var proxy : proxies.list(caller, patient)) {
                    proxyNames.put(proxy.proxy().proxy().value(), proxy.proxyName());
                }
            }
        }

        private boolean byProxy(AuditEntry entry) {
            return "PATIENT".equals(entry.callerRole()) && entry.caller().isPresent()
                    && !entry.caller().get().value().equals(patient.value());
        }

        /** The name, for a patient or a proxy; empty for a care provider (whose name the entry holds). */
        private Optional<String> personName(Page page, AuditEntry entry) {
            if (!"PATIENT".equals(entry.callerRole())) {
                return Optional.empty();
            }
            Optional<String> acting = acting(page.request()).map(Acting::name);
            if (!byProxy(entry)) {
                return Optional.of(acting.orElse(page.plain("log.you")));
            }
            if (acting.isPresent() && self(caller).value().equals(entry.caller().get().value())) {
                return Optional.of(page.plain("log.youAsProxy"));
            }
            return Optional.of(page.plain("log.proxy", proxyNames.getOrDefault(entry.caller().get().value(),
                    page.plain("unknown.name"))));
        }

        /** Who, as lines of plain text: the name, then (for a care provider) role, NIHII and channel. */
        List<String> lines(Page page, AuditEntry entry) {
            if (entry.caller().isEmpty()) {
                return List.of(page.plain("log.system"));
            }
            Optional<String> person = personName(page, entry);
            if (person.isPresent()) {
                return List.of(person.get());
            }
            String nihii = entry.callerNihii() == null ? "" : " · NIHII " + entry.callerNihii();
            return List.of(String.valueOf(entry.callerName()), page.plain("role." + entry.callerRole()) + nihii + " · "
                    + entry.channel());
        }

        /** Who, as the subject of the sentence that says what happened. */
        String subject(Page page, AuditEntry entry) {
            if (entry.caller().isEmpty()) {
                return page.plain("log.system");
            }
            if ("PATIENT".equals(entry.callerRole()) && !byProxy(entry) && acting(page.request()).isEmpty()) {
                return page.plain("log.youInSentence");
            }
            return lines(page, entry).get(0);
        }

        String html(Page page, AuditEntry entry) {
            List<String> lines = lines(page, entry);
            return Portal.escape(lines.get(0)) + (lines.size() > 1 ? "<br><small>" + Portal.escape(lines.get(1)) + "</small>" : "");
        }
    }

    /** Allowed, or refused and why, in plain text. */
    private static String outcome(Page page, AuditEntry entry) {
        return "PERMIT".equals(entry.decision()) ? page.plain("log.allowed")
                : page.plain("log.refused") + " (" + page.plain("refusal." + entry.decision()) + ")";
    }

    private static void csv(List<AuditEntry> entries, Who who, Page page, HttpServletResponse response) throws IOException {
        StringBuilder csv = new StringBuilder("time,professional,role,nihii,channel,action,data,decision,break_the_glass_reason\r\n");
        for (AuditEntry entry : entries) {
            String name = entry.caller().isEmpty() ? "" : who.lines(page, entry).get(0);
            csv.append(cell(entry.occurredAt().toString())).append(',')
                    .append(cell(name)).append(',')
                    .append(cell(String.valueOf(entry.callerRole()))).append(',')
                    .append(cell(entry.callerNihii() == null ? "" : entry.callerNihii())).append(',')
                    .append(cell(entry.channel())).append(',').append(cell(entry.action())).append(',')
                    .append(cell(entry.dataType())).append(',').append(cell(entry.decision())).append(',')
                    .append(cell(entry.breakTheGlassReason().orElse(""))).append("\r\n");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"carevault-access-log.csv\"");
        response.getWriter().write(csv.toString());
    }

    /** The log as a PDF, signed by the hub (503 when the hub has no signing key). */
    private void pdf(List<AuditEntry> entries, Who who, Page page, Optional<LocalDate> from, Optional<LocalDate> to,
            Optional<String> professional, HttpServletResponse response) throws IOException {
        if (!signer.available()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String patientName = acting(page.request()).map(Acting::name).orElseGet(() -> caller(page.request()).displayName());
        String any = page.plain("pdf.open");
        List<String> heading = new ArrayList<>(List.of(page.plain("pdf.patient", patientName),
                page.plain("pdf.period", from.map(d -> page.day(d)).orElse(any), to.map(d -> page.day(d)).orElse(any))));
        professional.ifPresent(name -> heading.add(page.plain("pdf.professional", name)));
        heading.add(page.plain("pdf.made", page.dateTime(Instant.now())));
        if (!entries.isEmpty()) {
            heading.add(page.plain("pdf.entries", entries.size(), entries.get(entries.size() - 1).seq(), entries.get(0).seq()));
        }
        List<TablePdf.Row> rows = new ArrayList<>();
        for (AuditEntry entry : entries) {
            boolean glass = "BREAK_THE_GLASS".equals(entry.basis());
            String name = String.join("\n", who.lines(page, entry));
            String outcome = outcome(page, entry);
            if (glass) {
                outcome += "\n" + page.plain("log.glass") + " " + entry.breakTheGlassReason().orElse("");
            }
            rows.add(new TablePdf.Row(List.of(page.dateTime(entry.occurredAt()), name, entry.action() + " — "
                    + page.plain("data." + entry.dataType()), outcome, Long.toString(entry.seq())), glass));
        }
        byte[] pdf = new TablePdf(page.plain("pdf.title"), heading, new String[] {page.plain("log.when"), page.plain("log.who"),
            page.plain("log.what"), page.plain("log.outcome"), page.plain("pdf.seq")}, page.plain("pdf.page"), TablePdf.LOG).render(rows);
        byte[] signed = signer.signPdf(pdf, page.plain("pdf.reason"));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"carevault-access-log.pdf\"");
        response.setContentLength(signed.length);
        response.getOutputStream().write(signed);
    }

    /** One CSV cell, quoted; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static Optional<LocalDate> day(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
