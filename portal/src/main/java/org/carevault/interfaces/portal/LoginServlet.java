package org.carevault.interfaces.portal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.jboss.logging.Logger;

/**
 * Login through Keycloak (authorization code + PKCE; the session id changes once logged in), the
 * callback, and logout, which ends the portal session and then the Keycloak session.
 */
@WebServlet({"/login", "/callback", "/logout", "/logged-out"})
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/login" -> login(request, response);
            case "/callback" -> callback(request, response);
            case "/logged-out" -> loggedOut(request, response);
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/logout".equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        HttpSession session = request.getSession(false);
        String idToken = (String) session.getAttribute(Portal.ID_TOKEN);
        String language = Portal.language(request);
        session.invalidate();
        response.sendRedirect(Portal.oidc().logoutUri(idToken, Portal.base(request) + "/logged-out?lang=" + language)
                .toString());
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Portal.caller(request).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        OidcClient.Pending pending = Portal.oidc().begin(Portal.base(request) + "/callback");
        request.getSession(true).setAttribute(Portal.PENDING, pending);
        response.sendRedirect(Portal.oidc().authorizationUri(pending).toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        OidcClient.Pending pending = session == null ? null : (OidcClient.Pending) session.getAttribute(Portal.PENDING);
        if (pending == null || request.getQueryString() == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        session.removeAttribute(Portal.PENDING);
        OidcClient.Login login;
        try {
            login = Portal.oidc().complete(pending, URI.create(request.getRequestURL() + "?" + request.getQueryString()));
        } catch (OidcClient.OidcException e) {
            LOG.warnf("CV-PORTAL-001 a login could not be completed: %s", e.getMessage());
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (IllegalArgumentException e) {
            LOG.warn("CV-PORTAL-001 a login could not be completed: the callback address is malformed");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String ssin = login.ssin();
        if (!login.roles().contains("patient") || ssin == null) {
            // The portal is the patients'; professionals use their medical software.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Caller caller = new Caller(PartyId.person(ssin), Role.PATIENT, Optional.empty(),
                login.name(), Channel.PORTAL);
        request.changeSessionId();
        session.setAttribute(Portal.CALLER, caller);
        session.setAttribute(Portal.ID_TOKEN, login.idToken());
        session.setAttribute(Portal.CSRF, OidcClient.random());
        response.sendRedirect(request.getContextPath() + "/");
    }

    private void loggedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = new Page(request, response);
        page.write(page.text("loggedOut.title"), "<p>" + page.text("loggedOut.body") + "</p><p><a href=\""
                + request.getContextPath() + "/login\">" + page.text("login") + "</a></p>");
    }
}
