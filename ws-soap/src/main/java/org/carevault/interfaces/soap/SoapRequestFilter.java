package org.carevault.interfaces.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.carevault.domain.ErrorCode;

/**
 * The gate in front of every SOAP endpoint. It limits request bodies (system property
 * {@code carevault.soap.max-body-bytes}, default 15 MiB: a 10 MiB sealed message in base64 with its envelope) —
 * a declared length over the limit is refused before anything is read, a chunked body while it is
 * read — and checks the envelope's shape ({@link EnvelopeShape}) before CXF parses it. Refusals
 * are coded faults. The body is held in memory once (at most the limit) to be checked and replayed.
 */
@WebFilter(urlPatterns = "/*")
public class SoapRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = Integer.getInteger("carevault.soap.max-body-bytes", 15 * 1024 * 1024);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            discardBody(request);
            writeFault(response, ErrorCode.REQUEST_TOO_LARGE);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // One byte more than allowed tells a chunked body over the limit from one exactly at it.
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            discardBody(request);
            writeFault(response, ErrorCode.REQUEST_TOO_LARGE);
            return;
        }
        switch (EnvelopeShape.check(EnvelopeShape.rootPart(body, request.getContentType()))) {
            case MALFORMED -> writeFault(response, ErrorCode.REQUEST_MALFORMED);
            case WRAPPING -> writeFault(response, ErrorCode.MESSAGE_SECURITY_INVALID);
            case OK -> chain.doFilter(new Replay(request, body), response);
        }
    }

    /**
     * Reads and drops the rest of a refused body, so that a client still sending reads the coded fault rather than a
     * connection reset (an answer sent before the body was read raced the close: seen once in CI). Bounded by the
     * server's absolute cap on a request (Undertow's max-post-size, 32 MiB): past it the read fails and the connection
     * is closed as before.
     */
    private static void discardBody(HttpServletRequest request) {
        try {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // over the absolute cap, or the client gave up: nothing more to read
        }
    }

    static void writeFault(HttpServletResponse response, ErrorCode code) throws IOException {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Connection", "close");
        String fault = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + code.code() + " " + code.title() + "</faultstring>"
                + "<detail><cv:CareVaultError xmlns:cv=\"urn:carevault:ws:common:v1\"><cv:Code>" + code.code()
                + "</cv:Code><cv:Message>" + code.title() + "</cv:Message></cv:CareVaultError></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
        response.getOutputStream().write(fault.getBytes(StandardCharsets.UTF_8));
    }

    /** The checked body, handed to CXF as if it were read from the wire. */
    private static final class Replay extends HttpServletRequestWrapper {
        private final byte[] body;

        Replay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
