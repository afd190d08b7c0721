package org.carevault.interfaces.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.carevault.domain.ErrorCode;

/**
 * Renders errors that the container raises before a request reaches JAX-RS (missing or invalid
 * token, body over the server's size limit) as problem+json, keeping the status and headers such
 * as {@code WWW-Authenticate}.
 */
@WebServlet(urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = switch (status instanceof Integer s ? s : 0) {
            case 401 -> ErrorCode.NOT_AUTHENTICATED;
            case 403 -> ErrorCode.ROLE_NOT_ALLOWED;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            default -> ErrorCode.NOT_FOUND;
        };
        response.setStatus(HttpStatuses.of(code));
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problem.json(code, null, null));
    }
}
