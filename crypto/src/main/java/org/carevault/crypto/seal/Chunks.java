package org.carevault.crypto.seal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * Feeds content to ciphers and digests in 16 KiB pieces. The JDK's AES-GCM and SHA-256 only reach
 * their hardware-accelerated speed when the JIT sees many calls of moderate size; one call with
 * 10 MB runs the slow Java loop (measured: GHASH in the interpreter dominated sealing). The same
 * size is the piece length of every streamed layer, so memory stays constant whatever the size.
 */
final class Chunks {

    static final int SIZE = 16 * 1024;

    private Chunks() {
    }

    /** Content of type id-data that writes itself in chunks. */
    static CMSTypedData content(byte[] bytes) {
        return new CMSTypedData() {
            @Override
            public ASN1ObjectIdentifier getContentType() {
                return CMSObjectIdentifiers.data;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                for (int offset = 0; offset < bytes.length; offset += SIZE) {
                    out.write(bytes, offset, Math.min(SIZE, bytes.length - offset));
                }
            }

            @Override
            public Object getContent() {
                return bytes.clone();
            }
        };
    }

    /**
     * An input stream whose own I/O failures are remembered, so that a failure to read a file is
     * reported as such and not mistaken for a malformed message by the parser reading through it.
     */
    static final class Source extends FilterInputStream {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        /** Throws the stream's own I/O failure, if there was one. */
        void rethrowOwnFailure() {
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
