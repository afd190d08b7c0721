package org.carevault.interfaces.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * On every portal response: a strict Content-Security-Policy (no script at all, styles from this site
 * only, forms posted to this site only (and the logout's redirect to Keycloak), never framed), no caching of pages, no MIME sniffing, no referrer.
 * Pages other than login, its callback, the logged-out page and the style sheet need a logged-in patient, and every
 * POST (every change, logout included) the session's anti-forgery token: checked here once for all pages.
 * A language chosen with {@code ?lang=} is kept for the session.
 */
@WebFilter("/*")
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> OPEN = Set.of("/login", "/callback", "/logged-out", "/static/portal.css");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The logout form is answered with a redirect to Keycloak's end-session page: form-action must allow its origin.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self' " + Portal.providerOrigin() + "; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        String lang = request.getParameter("lang");
        if (lang != null && Portal.LANGUAGES.contains(lang)) {
            request.getSession(true).setAttribute(Portal.LANGUAGE, lang);
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!OPEN.contains(path) && Portal.caller(request).isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if ("POST".equals(request.getMethod()) && !Portal.csrfHolds(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
