package org.carevault.interfaces.portal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.carevault.domain.Assurance;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.jboss.logging.Logger;

/**
 * Login through Keycloak (authorization code + PKCE; the session id changes once logged in), the
 * callback, and logout, which ends the portal session and then the Keycloak session. Patients log in with their
 * second factor (the realm's default level for this client, {@code mfa}); {@code /step-up?to=PAGE} asks Keycloak for
 * it again in a session that lacks it (an operator may let patients read with a password alone), then goes back to the
 * page: changing consent or proxies and downloading the log need it ({@link Assurance}).
 */
@WebServlet({"/login", "/callback", "/logout", "/logged-out", "/step-up"})
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/login" -> login(request, response);
            case "/callback" -> callback(request, response);
            case "/logged-out" -> loggedOut(request, response);
            case "/step-up" -> stepUp(request, response);
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

    /**
     * Sends a logged-in patient whose session lacks a second factor to Keycloak for it ({@code acr_values=mfa}); the
     * page to come back to is one of the portal's own ({@link #returnPath}).
     */
    private void stepUp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = Portal.caller(request);
        String returnTo = returnPath(request.getParameter("to"));
        if (caller.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (caller.get().assurance() == Assurance.MULTI_FACTOR) {
            response.sendRedirect(request.getContextPath() + returnTo);
            return;
        }
        OidcClient.Pending pending = Portal.oidc().stepUp(Portal.base(request) + "/callback", Assurance.MULTI_FACTOR.acr(), returnTo);
        request.getSession().setAttribute(Portal.PENDING, pending);
        response.sendRedirect(Portal.oidc().authorizationUri(pending).toString());
    }

    /** A page of the portal to return to (a path and query of its own, never another site's); else the home page. */
    static String returnPath(String to) {
        return to != null && to.matches("/[A-Za-z0-9/._-]*(\\?[A-Za-z0-9=&._%-]*)?") && !to.startsWith("//") ? to : "/";
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
        Assurance assurance = Assurance.ofAcr(login.acr());
        Caller caller = new Caller(PartyId.person(ssin), Role.PATIENT, Optional.empty(), login.name(), Channel.PORTAL, assurance);
        if (pending.acr() != null) {
            // A step-up: the same patient, now with the level asked, back to the page they were on.
            Optional<Caller> before = Portal.caller(request);
            if (before.isEmpty() || !before.get().id().equals(caller.id())) {
                LOG.warn("CV-PORTAL-002 a step-up was completed by another user than the session's: the session is ended");
                session.invalidate();
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            if (assurance != Assurance.MULTI_FACTOR) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);  // not reached: asking again would loop
                return;
            }
        }
        request.changeSessionId();
        session.setAttribute(Portal.CALLER, caller);
        session.setAttribute(Portal.ID_TOKEN, login.idToken());
        if (pending.acr() == null) {
            session.setAttribute(Portal.CSRF, OidcClient.random());  // a step-up keeps the session's forms valid
        }
        response.sendRedirect(request.getContextPath() + (pending.acr() == null ? "/" : returnPath(pending.returnTo())));
    }

    private void loggedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = new Page(request, response);
        page.write(page.text("loggedOut.title"), "<p>" + page.text("loggedOut.body") + "</p><p><a href=\""
                + request.getContextPath() + "/login\">" + page.text("login") + "</a></p>");
    }
}
