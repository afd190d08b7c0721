package org.carevault.interfaces.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The access log as a PDF (A4 landscape): a heading (whose log, which period and filter, when made), one row per
 * entry (when, who, what, outcome with the emergency reason, the entry's audit sequence number), page numbers. Made
 * with the standard Helvetica font (WinAnsi): a character it cannot show is written as "?". The hub signs the result.
 */
final class TablePdf {

    /** One row of the table, its cells already in words; a highlighted row (an emergency access) is tinted. */
    record Row(List<String> cells, boolean highlight) {
    }

    private static final float MARGIN = 40;
    /** The access log's columns: when, who, what, outcome, sequence number (landscape A4). */
    static final float[] LOG = {100, 190, 165, 245, 62};
    private static final float SIZE = 9;
    private static final float LEADING = 11;

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final String title;
    private final List<String> heading;
    private final String[] columns;
    private final String pageLabel;
    private final float[] widths;

    /**
     * @param pageLabel a pattern with {0} for the page and {1} for the count, e.g. "Page {0} of {1}"
     */
    TablePdf(String title, List<String> heading, String[] columns, String pageLabel, float[] widths) {
        this.widths = widths.clone();
        this.title = title;
        this.heading = heading;
        this.columns = columns;
        this.pageLabel = pageLabel;
    }

    byte[] render(List<Row> rows) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(safe(regular, title));
            info.setProducer("CareVault");
            Writer writer = new Writer(document);
            writer.text(bold, 14, title);
            writer.y -= 6;
            for (String line : heading) {
                for (String wrapped : wrap(regular, SIZE + 1, line, PDRectangle.A4.getHeight() - 2 * MARGIN)) {
                    writer.text(regular, SIZE + 1, wrapped);
                }
            }
            writer.y -= 8;
            writer.row(bold, List.of(columns), false);
            for (Row row : rows) {
                writer.row(regular, row.cells(), row.highlight());
            }
            writer.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    footer.beginText();
                    footer.setFont(regular, 8);
                    footer.newLineAtOffset(MARGIN, 20);
                    footer.showText(safe(regular, MessageFormat.format(pageLabel, i + 1, count)));
                    footer.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines and table rows top-down, starting a new page when one is full. */
    private final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void text(PDFont font, float size, String line) throws IOException {
            if (y < MARGIN + 20) {
                newPage();
            }
            y -= size + 3;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(safe(font, line));
            stream.endText();
        }

        void row(PDFont font, List<String> cells, boolean highlight) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> cell = wrap(font, SIZE, cells.get(i), widths[i] - 6);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * LEADING + 4;
            if (y - height < MARGIN + 10) {
                newPage();
            }
            float width = 0;
            for (float w : widths) {
                width += w;
            }
            if (highlight) {
                stream.setNonStrokingColor(1f, 0.95f, 0.8f);
                stream.addRect(MARGIN, y - height, width, height);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
            }
            float x = MARGIN;
            for (int i = 0; i < wrapped.size(); i++) {
                float lineY = y - LEADING + 1;
                for (String line : wrapped.get(i)) {
                    stream.beginText();
                    stream.setFont(font, SIZE);
                    stream.newLineAtOffset(x + 2, lineY);
                    stream.showText(line);
                    stream.endText();
                    lineY -= LEADING;
                }
                x += widths[i];
            }
            y -= height;
            stream.setLineWidth(0.3f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + width, y);
            stream.stroke();
        }

        void close() throws IOException {
            stream.close();
        }
    }

    /** The text broken into lines no wider than the width (words longer than a line are cut). */
    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : safe(font, text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with every character the font cannot show replaced by "?" (and control characters by spaces). */
    static String safe(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
                return;
            }
            if (Character.isISOControl(c)) {
                out.append(' ');
                return;
            }
            String one = new String(Character.toChars(c));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
