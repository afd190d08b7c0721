package org.carevault.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a care provider sends: a subject, a body and annexes, encoded as one byte string that is then
 * sealed whole, so that the hub sees neither the subject nor the annexes' titles, types or number.
 *
 * <p>Encoding (version 1): the ASCII magic {@code CVLETTER1}, then the subject, the body's media type,
 * the body, the number of annexes and, per annex, its title, media type and bytes; each text is
 * UTF-8 and each text or byte string is preceded by its length as a 4-byte big-endian integer.
 */
public record Letter(String subject, String mediaType, byte[] body, List<Annex> annexes) {

    private static final byte[] MAGIC = "CVLETTER1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ANNEXES = 100;

    /** An attached document. */
    public record Annex(String title, String mediaType, byte[] content) {
        public Annex {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Annex annex && annex.title.equals(title) && annex.mediaType.equals(mediaType)
                    && Arrays.equals(annex.content, content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(title, mediaType, Arrays.hashCode(content));
        }
    }

    public Letter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
        annexes = List.copyOf(annexes);
        if (annexes.size() > MAX_ANNEXES) {
            throw new IllegalArgumentException("at most " + MAX_ANNEXES + " annexes");
        }
    }

    /** A plain-text letter. */
    public static Letter text(String subject, String body, Annex... annexes) {
        return new Letter(subject, "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), List.of(annexes));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            text(out, subject);
            text(out, mediaType);
            bytes(out, body);
            out.writeInt(annexes.size());
            for (Annex annex : annexes) {
                text(out, annex.title());
                text(out, annex.mediaType());
                bytes(out, annex.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a letter; anything but exactly one well-formed letter is refused. */
    public static Letter decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a letter");
            }
            String subject = text(in, encoded.length);
            String mediaType = text(in, encoded.length);
            byte[] body = bytes(in, encoded.length);
            int count = in.readInt();
            if (count < 0 || count > MAX_ANNEXES) {
                throw new IllegalArgumentException("bad annex count");
            }
            List<Annex> annexes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                annexes.add(new Annex(text(in, encoded.length), text(in, encoded.length), bytes(in, encoded.length)));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the letter");
            }
            return new Letter(subject, mediaType, body, annexes);
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated letter", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        bytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in, int max) throws IOException {
        return new String(bytes(in, max), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Letter letter && letter.subject.equals(subject) && letter.mediaType.equals(mediaType)
                && Arrays.equals(letter.body, body) && letter.annexes.equals(annexes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, mediaType, Arrays.hashCode(body), annexes);
    }

    @Override
    public String toString() {
        return "Letter[" + body.length + " bytes, " + annexes.size() + " annexes]";
    }
}
