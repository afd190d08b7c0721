package org.carevault.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TablePdfTest {

    private static final String[] COLUMNS = {"When", "Who", "What", "Outcome", "Entry no."};

    @Test
    void everyEntryIsWrittenOverAsManyPagesAsNeededWithPageNumbers() throws IOException {
        List<TablePdf.Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(new TablePdf.Row(List.of("28 Nov 2026, 10:" + (i % 60), "Jan Peeters\nPhysician · NIHII 12345625004 · REST",
                    "GetTransactionSet — medication schedule", i % 7 == 0 ? "Allowed\nEmergency access: unconscious patient"
                            : "Refused (no consent)", Integer.toString(1000 + i)), i % 7 == 0));
        }
        byte[] pdf = new TablePdf("Access log — CareVault", List.of("Patient: Marc Devos", "Period: from (no limit) to (no limit)"),
                COLUMNS, "Page {0} of {1}", TablePdf.LOG).render(rows);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "120 rows need more than one page");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Patient: Marc Devos"));
            assertTrue(text.contains("Page " + pages + " of " + pages));
            for (int i = 0; i < 120; i++) {
                assertTrue(text.contains(Integer.toString(1000 + i)), "entry " + (1000 + i));
            }
        }
    }

    @Test
    void aLongWordIsCutAndACharacterTheFontLacksBecomesAQuestionMark() throws IOException {
        String reason = "x".repeat(400);
        byte[] pdf = new TablePdf("Log", List.of("Patient: Łukasz Żółw"), COLUMNS, "{0}/{1}", TablePdf.LOG)
                .render(List.of(new TablePdf.Row(List.of("now", "Dr 王\u0007", "Read", reason, "7"), false)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Patient: ?ukasz ?ó?w"), text);
            assertTrue(text.contains("Dr ?"), text);
            assertEquals(400, text.chars().filter(c -> c == 'x').count(), "the whole reason, over several lines");
        }
    }
}
