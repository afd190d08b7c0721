package org.carevault.interfaces.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * Headers the JAX-RS runtime would otherwise fail on — RESTEasy answers a malformed {@code Accept} with an empty 400 and a
 * logged stack trace, or fails content negotiation as an incident — refused first, as the client's error, with a coded
 * problem: a malformed {@code Accept} (a media range that does not parse, a q-value that is not a number from 0 to 1) or
 * {@code Content-Type} is {@code 400 CV-REQ-001}; a {@code Content-Type} naming a charset this server does not know is
 * {@code 415 CV-REQ-004}. A servlet filter, because RESTEasy reads these headers before any JAX-RS filter runs.
 */
@WebFilter(urlPatterns = "/*")
public class RequestHeaderCheck implements Filter {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final String PARAMETER = "[ \t]*;[ \t]*(" + TOKEN + ")[ \t]*=[ \t]*(" + TOKEN + "|" + QUOTED + ")";
    private static final Pattern ELEMENT = Pattern.compile(TOKEN + "/" + TOKEN + "((?:" + PARAMETER + ")*)[ \t]*");
    private static final Pattern PARAMETERS = Pattern.compile(PARAMETER);
    private static final Pattern Q_VALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        try {
            for (Enumeration<String> accepts = http.getHeaders("Accept"); accepts != null && accepts.hasMoreElements();) {
                check(accepts.nextElement());
            }
            String contentType = http.getHeader("Content-Type");
            if (contentType != null) {
                checkContentType(contentType);
            }
        } catch (CareVaultException refused) {
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setStatus(HttpStatuses.of(refused.errorCode()));
            answer.setContentType(Problem.MEDIA_TYPE);
            answer.setCharacterEncoding("UTF-8");
            answer.getWriter().write(Problem.json(refused.errorCode(), refused.detail(), null));
            return;
        }
        chain.doFilter(request, response);
    }

    /** One media type with its parameters; a {@code charset} parameter names a charset this JVM has. */
    static void checkContentType(String contentType) {
        Matcher element = ELEMENT.matcher(contentType.strip());
        if (!element.matches()) {
            throw new CareVaultException(ErrorCode.REQUEST_MALFORMED, "The Content-Type header is malformed (RFC 9110 §8.3.1)");
        }
        Matcher parameter = PARAMETERS.matcher(element.group(1));
        while (parameter.find()) {
            if (parameter.group(1).equalsIgnoreCase("charset")) {
                String name = parameter.group(2).replace("\"", "");
                boolean known;
                try {
                    known = Charset.isSupported(name);
                } catch (IllegalArgumentException e) {
                    known = false;
                }
                if (!known) {
                    throw new CareVaultException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unknown charset in Content-Type");
                }
            }
        }
    }

    /**
     * A comma-separated list of media ranges {@code type/subtype}, each with {@code ;name=value} parameters (a value a
     * token or a quoted string), q a number from 0 to 1 with at most three decimals (RFC 9110 §12.4.2, §12.5.1).
     */
    static void check(String accept) {
        Matcher element = ELEMENT.matcher(accept);
        int at = 0;
        while (at < accept.length()) {
            char c = accept.charAt(at);
            if (c == ',' || c == ' ' || c == '\t') {
                at++;
                continue;
            }
            element.region(at, accept.length());
            if (!element.lookingAt()) {
                throw malformed();
            }
            Matcher parameter = PARAMETERS.matcher(element.group(1));
            while (parameter.find()) {
                if (parameter.group(1).equalsIgnoreCase("q") && !Q_VALUE.matcher(parameter.group(2)).matches()) {
                    throw malformed();
                }
            }
            at = element.end();
            if (at < accept.length() && accept.charAt(at) != ',') {
                throw malformed();
            }
        }
    }

    private static CareVaultException malformed() {
        return new CareVaultException(ErrorCode.REQUEST_MALFORMED, "The Accept header is malformed (RFC 9110 §12.5.1)");
    }
}
