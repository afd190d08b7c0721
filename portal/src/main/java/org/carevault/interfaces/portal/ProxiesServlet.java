package org.carevault.interfaces.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.consent.ProxyService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientProxy;
import org.carevault.domain.consent.PatientRef;

/**
 * Proxies. The patient appoints a person who may act for them here (by that person's national register number and
 * the name they know them by; that person logs in with their own account) and revokes them; a legal representative
 * linked by the hub's operator is shown but only the operator removes it. The people the logged-in person may act
 * for are listed, each with a button to act for them ({@code /acting}, which sends the proxy's id: the server acts
 * only on one of the caller's own, whatever the page sent) and one to come back to one's own data.
 */
@WebServlet({"/proxies", "/acting"})
public class ProxiesServlet extends PatientServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProxyService proxies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/acting".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/proxies");
            return;
        }
        Caller caller = caller(request);
        PatientRef patient = subject(request);
        Optional<Acting> acting = acting(request);
        Page page = new Page(request, response);
        StringBuilder body = new StringBuilder();
        if (request.getParameter("ended") != null) {
            body.append("<p class=\"status inactive\" role=\"status\" id=\"proxy-ended\">").append(page.text("proxies.ended"))
                    .append("</p>");
        }
        body.append("<p>").append(page.text("proxies.explain")).append("</p>");
        // The people one may act for come first when there are any (a parent comes here for the child).
        StringBuilder others = new StringBuilder();
        boolean representsSomeone = represented(page, caller, acting, others);
        if (representsSomeone) {
            body.append(others);
        }
        List<ProxyService.View> current = proxies.list(caller, patient).stream()
                .filter(view -> view.proxy().revokedAt().isEmpty()).toList();
        body.append("<section aria-labelledby=\"proxies-title\"><h2 id=\"proxies-title\">")
                .append(acting.isPresent() ? page.text("proxies.theirs", acting.get().name()) : page.text("proxies.mine"))
                .append("</h2>");
        if (current.isEmpty()) {
            body.append("<p id=\"no-proxies\">").append(page.text("proxies.none")).append("</p>");
        } else {
            body.append("<ul class=\"cards\" id=\"proxies\">");
            for (ProxyService.View view : current) {
                PatientProxy proxy = view.proxy();
                body.append("<li class=\"card\"><h3>").append(Portal.escape(view.proxyName())).append("</h3><dl>")
                        .append(page.definition("proxies.kind", page.text("proxies.kind." + proxy.kind().name())))
                        .append(page.definition("field.since", Portal.escape(page.date(proxy.validFrom()))))
                        .append(page.definition("field.until", proxy.validUntil().map(u -> Portal.escape(page.date(u.minusSeconds(1))))
                                .orElse(page.text("proxies.open"))))
                        .append("</dl>");
                if (acting.isEmpty() && proxy.kind() == PatientProxy.Kind.APPOINTED) {
                    body.append(page.form("/proxies", "<input type=\"hidden\" name=\"action\" value=\"revoke\">"
                            + "<input type=\"hidden\" name=\"id\" value=\"" + proxy.id() + "\">", "proxies.revoke", "danger"));
                } else if (proxy.kind() == PatientProxy.Kind.LEGAL_REPRESENTATIVE) {
                    body.append("<p><small>").append(page.text("proxies.byOperator")).append("</small></p>");
                }
                body.append("</li>");
            }
            body.append("</ul>");
        }
        if (acting.isEmpty()) {
            body.append("<form method=\"post\" action=\"").append(request.getContextPath()).append("/proxies\" class=\"stack\">")
                    .append("<h3>").append(page.text("proxies.appoint.title")).append("</h3>")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Portal.escape(Portal.csrf(request))).append("\">")
                    .append("<input type=\"hidden\" name=\"action\" value=\"appoint\">")
                    .append("<label for=\"proxy-ssin\">").append(page.text("proxies.ssin")).append("</label>")
                    .append("<input id=\"proxy-ssin\" name=\"ssin\" inputmode=\"numeric\" autocomplete=\"off\" required maxlength=\"15\">")
                    .append("<label for=\"proxy-name\">").append(page.text("proxies.name")).append("</label>")
                    .append("<input id=\"proxy-name\" name=\"name\" required maxlength=\"").append(ProxyService.MAX_NAME).append("\">")
                    .append("<label for=\"proxy-until\">").append(page.text("proxies.until")).append("</label>")
                    .append("<input id=\"proxy-until\" name=\"until\" type=\"date\">")
                    .append("<button type=\"submit\" class=\"primary\">").append(page.text("proxies.appoint")).append("</button></form>");
        }
        body.append("</section>");
        if (!representsSomeone) {
            body.append(others);
        }
        page.write(page.text("title.proxies"), body.toString());
    }

    /** The people the logged-in person may act for, and the way back to their own data; whether there are any. */
    private boolean represented(Page page, Caller caller, Optional<Acting> acting, StringBuilder body) {
        List<ProxyService.View> represented = proxies.represented(caller);
        body.append("<section aria-labelledby=\"represented-title\"><h2 id=\"represented-title\">")
                .append(page.text("proxies.represented")).append("</h2>");
        if (acting.isPresent()) {
            body.append(page.form("/acting", "<input type=\"hidden\" name=\"proxy\" value=\"self\">", "proxies.backToMine",
                    "secondary-dark"));
        }
        if (represented.isEmpty()) {
            body.append("<p id=\"no-represented\">").append(page.text("proxies.representedNone")).append("</p>");
        } else {
            body.append("<ul class=\"cards\" id=\"represented\">");
            for (ProxyService.View view : represented) {
                body.append("<li class=\"card\"><h3>").append(Portal.escape(view.patientName())).append("</h3><p>")
                        .append(page.text("proxies.kind." + view.proxy().kind().name())).append("</p>");
                boolean current = acting.map(a -> a.proxyId().equals(view.proxy().id())).orElse(false);
                body.append(current ? "<p><strong>" + page.text("proxies.actingNow") + "</strong></p>"
                        : page.form("/acting", "<input type=\"hidden\" name=\"proxy\" value=\"" + view.proxy().id() + "\">",
                                "proxies.actFor", "primary"));
                body.append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</section>");
        return !represented.isEmpty();
    }

    @Override
    String afterStepUp(HttpServletRequest request) {
        return "/proxies?confirmed=1";
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = caller(request);
        if ("/acting".equals(request.getServletPath())) {
            act(request, response, caller);
            return;
        }
        PatientRef patient = subject(request);
        switch (String.valueOf(request.getParameter("action"))) {
            case "appoint" -> proxies.put(caller, patient, new ProxyService.Request(
                    String.valueOf(request.getParameter("ssin")).replaceAll("[\\s.-]", ""),
                    String.valueOf(request.getParameter("name")), Optional.empty(), until(request.getParameter("until"))));
            case "revoke" -> proxies.revoke(caller, patient, ObjectIds.parse(request.getParameter("id")));
            default -> {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/proxies");
    }

    /** Acts for one of the patients the caller represents (found among the caller's own), or for oneself again. */
    private void act(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        String chosen = String.valueOf(request.getParameter("proxy"));
        if ("self".equals(chosen)) {
            request.getSession().removeAttribute(Portal.ACTING);
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        UUID id = ObjectIds.parse(chosen);
        ProxyService.View view = proxies.represented(caller).stream().filter(v -> v.proxy().id().equals(id)).findFirst()
                .orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
        request.getSession().setAttribute(Portal.ACTING, new Acting(view.proxy().patient().value(), view.patientName(), id));
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The last day included (Belgian time), if given. */
    private static Optional<Instant> until(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay(Portal.BRUSSELS).toInstant());
        } catch (DateTimeParseException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Not a date");
        }
    }
}
