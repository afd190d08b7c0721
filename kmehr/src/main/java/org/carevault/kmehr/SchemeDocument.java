package org.carevault.kmehr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The medication scheme as the vault keeps and returns it. A write is split into its frame (the root
 * tag with its namespace declarations, the header's standard, the patient and the scheme transaction)
 * and its elements (medicationschemeelement and treatmentsuspension transactions), each kept as sent.
 * A read puts them back under a header of the hub, the scheme transaction carrying the vault's
 * version, each element carrying its vault id as {@code <id S="LOCAL" SL="carevault">}: everything
 * else is byte for byte what was written.
 */
public final class SchemeDocument {

    /** The scheme label of the vault's element ids. */
    public static final String VAULT_ID_LABEL = "carevault";
    public static final String SCHEME = "medicationscheme";
    public static final List<String> ELEMENT_TYPES = List.of("medicationschemeelement", "treatmentsuspension");

    private static final Pattern STANDARD = Pattern.compile("<((?:\\w+:)?)standard\\b.*?</\\1standard>", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("(<((?:\\w+:)?)version>)\\s*[0-9]+\\s*(</\\2version>)");
    private static final Pattern START_TAG = Pattern.compile("\\A<((?:\\w+:)?)transaction\\b[^>]*>");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private SchemeDocument() {
    }

    /** What frames the elements of one version. */
    public record Frame(String rootStartTag, String standardXml, String patientXml, String schemeXml) {

        public static Frame of(KmehrMessage message, Transaction scheme) {
            Matcher standard = STANDARD.matcher(message.text());
            if (!standard.find()) {
                throw new KmehrException(KmehrException.Reason.HEADER_INVALID, "the header needs a standard");
            }
            return new Frame(message.rootStartTag(), standard.group(), message.patientXml(), scheme.xml());
        }

        /** The frame alone, as versions written before the whole version was kept in one record. */
        public String encode() {
            return writeParts(List.of(rootStartTag, standardXml, patientXml, schemeXml), false);
        }

        private static Frame of(List<String> parts) {
            return new Frame(parts.get(0), parts.get(1), parts.get(2), parts.get(3));
        }
    }

    /**
     * One stored version in one record: the frame and the elements' texts in order, so that a read
     * decrypts one record. Records written before this carry the frame alone ({@link #elements} empty:
     * the elements are then read from their own rows).
     */
    public record Stored(Frame frame, Optional<List<String>> elements) {

        public String encode() {
            List<String> parts = new ArrayList<>(List.of(frame.rootStartTag(), frame.standardXml(), frame.patientXml(),
                    frame.schemeXml()));
            parts.addAll(elements.orElseThrow());
            return writeParts(parts, true);
        }

        public static Stored decode(String encoded) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.ISO_8859_1)))) {
                int first = in.readInt();
                boolean whole = first == WHOLE_VERSION;
                int count = whole ? in.readInt() : 4;
                List<String> parts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    byte[] utf8 = new byte[i == 0 && !whole ? first : in.readInt()];
                    in.readFully(utf8);
                    parts.add(new String(utf8, StandardCharsets.UTF_8));
                }
                return new Stored(Frame.of(parts), whole ? Optional.of(List.copyOf(parts.subList(4, count))) : Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Marks a record holding a whole version (a frame alone begins with its first part's length, never negative). */
    private static final int WHOLE_VERSION = -2;

    private static String writeParts(List<String> parts, boolean whole) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (whole) {
                out.writeInt(WHOLE_VERSION);
                out.writeInt(parts.size());
            }
            for (String part : parts) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** The element with the vault's id as its first id (in the transaction's own namespace prefix). */
    public static String withVaultId(String transactionXml, String vaultId) {
        Matcher start = START_TAG.matcher(transactionXml);
        if (!start.find()) {
            throw new IllegalArgumentException("not a transaction");
        }
        String prefix = start.group(1);
        return transactionXml.substring(0, start.end()) + "<" + prefix + "id S=\"LOCAL\" SL=\"" + VAULT_ID_LABEL
                + "\" SV=\"1.0\">" + vaultId + "</" + prefix + "id>" + transactionXml.substring(start.end());
    }

    /** The scheme transaction carrying the given version (its first {@code <version>}). */
    public static String withVersion(String schemeXml, long version) {
        Matcher matcher = VERSION.matcher(schemeXml);
        if (!matcher.find()) {
            throw new KmehrException(KmehrException.Reason.VERSION_INVALID, "the medicationscheme transaction needs a version");
        }
        return schemeXml.substring(0, matcher.start()) + matcher.group(1) + version + matcher.group(3)
                + schemeXml.substring(matcher.end());
    }

    /**
     * Who a rendered document is for, as KMEHR's header {@code recipient} names a care party: its
     * identifiers (NIHII as {@code ID-HCPARTY}, SSIN as {@code INSS}), its quality ({@code CD-HCPARTY},
     * e.g. {@code persphysician}, {@code orghospital}, {@code patient}) and its name.
     */
    public record Recipient(Optional<String> nihii, Optional<String> ssin, String quality, Optional<String> name) {

        private static final Pattern DIGITS = Pattern.compile("[0-9]{1,16}");
        private static final Pattern QUALITY = Pattern.compile("[a-z]{1,48}");

        public Recipient {
            if (!nihii.map(n -> DIGITS.matcher(n).matches()).orElse(true) || !ssin.map(n -> DIGITS.matcher(n).matches()).orElse(true)
                    || !QUALITY.matcher(quality).matches()) {
                throw new IllegalArgumentException("a recipient has digit identifiers and a CD-HCPARTY quality");
            }
            name = name.map(String::strip).filter(n -> !n.isEmpty());
        }

        String xml() {
            StringBuilder xml = new StringBuilder("<recipient><hcparty>");
            nihii.ifPresent(n -> xml.append("<id S=\"ID-HCPARTY\" SV=\"1.0\">").append(n).append("</id>"));
            ssin.ifPresent(n -> xml.append("<id S=\"INSS\" SV=\"1.0\">").append(n).append("</id>"));
            xml.append("<cd S=\"CD-HCPARTY\" SV=\"1.0\">").append(quality).append("</cd>");
            name.ifPresent(n -> xml.append("<name>").append(escape(n)).append("</name>"));
            return xml.append("</hcparty></recipient>").toString();
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c >= 0x20 || c == '\t') {
                            out.appendCodePoint(c);
                        }
                    }
                }
            });
            return out.toString();
        }
    }

    /**
     * One version as the hub returns it: the hub's header (the given message id and time, the hub as
     * sender, the recipient), the patient, the scheme transaction with the version, then the elements.
     * The same arguments give the same bytes: the caller chooses an id and a time that belong to the
     * version, so that a version read twice by the same recipient is byte-identical.
     */
    public static String render(Frame frame, long version, String messageId, Instant at, Recipient recipient,
            List<String> elements) {
        StringBuilder xml = new StringBuilder(frame.schemeXml().length() + elements.stream().mapToInt(String::length).sum() + 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(frame.rootStartTag())
                .append("<header>").append(frame.standardXml())
                .append("<id S=\"ID-KMEHR\" SV=\"1.0\">").append(messageId).append("</id>")
                .append("<date>").append(DATE.format(at)).append("</date><time>").append(TIME.format(at)).append("</time>")
                .append("<sender><hcparty><cd S=\"CD-HCPARTY\" SV=\"1.0\">hub</cd><name>CareVault</name></hcparty></sender>")
                .append(recipient.xml())
                .append("</header><folder><id S=\"ID-KMEHR\" SV=\"1.0\">1</id>")
                .append(frame.patientXml()).append(withVersion(frame.schemeXml(), version));
        elements.forEach(xml::append);
        return xml.append("</folder></kmehrmessage>").toString();
    }
}
