package org.carevault.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * Limits request bodies: JSON to {@code carevault.rest.max-body-bytes} (default 64 KiB), KMEHR
 * ({@code application/xml}) to {@code carevault.rest.max-kmehr-bytes} (default 4 MiB). Refused up
 * front on a declared length, and while reading for chunked bodies, before anything is parsed or stored.
 * JSON is also limited to {@value #MAX_JSON_DEPTH} levels of nesting (the API's bodies have three),
 * counted as the bytes pass, so that a deeply nested body is the client's coded error, not the parser's.
 */
@Provider
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final long MAX_BYTES = Long.getLong("carevault.rest.max-body-bytes", 64 * 1024);
    static final long MAX_KMEHR_BYTES = Long.getLong("carevault.rest.max-kmehr-bytes", 4 * 1024 * 1024);
    static final int MAX_JSON_DEPTH = 32;

    static long limitFor(MediaType type) {
        if (isSealed(type)) {
            return MailboxService.MAX_MESSAGE_BYTES;
        }
        return type != null && type.isCompatible(MediaType.APPLICATION_XML_TYPE) ? MAX_KMEHR_BYTES : MAX_BYTES;
    }

    /** Sealed bytes (mailbox messages, encryption tokens): limited by the mailbox's message size. */
    private static boolean isSealed(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE);
    }

    private static ErrorCode tooLarge(MediaType type) {
        return isSealed(type) ? ErrorCode.MESSAGE_TOO_LARGE : ErrorCode.REQUEST_TOO_LARGE;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getMediaType());
        if (request.getLength() > limit) {
            throw new CareVaultException(tooLarge(request.getMediaType()), "The limit is " + limit + " bytes");
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream body = new Bounded(context.getInputStream(), limitFor(context.getMediaType()), tooLarge(context.getMediaType()));
        if (context.getMediaType() != null && context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            body = new Shallow(body, MAX_JSON_DEPTH);
        }
        context.setInputStream(body);
        return context.proceed();
    }

    static final class Bounded extends FilterInputStream {
        private final long limit;
        private final ErrorCode code;
        private long count;

        Bounded(InputStream in, long limit, ErrorCode code) {
            super(in);
            this.limit = limit;
            this.code = code;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new CareVaultException(code, "The limit is " + limit + " bytes");
            }
        }
    }

    /** Counts JSON nesting (brackets outside strings) as the bytes pass; refuses past the limit. */
    static final class Shallow extends FilterInputStream {
        private final int limit;
        private int depth;
        private boolean inString;
        private boolean escaped;

        Shallow(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                see(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(int b) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > limit) {
                    throw new CareVaultException(ErrorCode.REQUEST_MALFORMED, "JSON nested deeper than " + limit + " levels");
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }
}
