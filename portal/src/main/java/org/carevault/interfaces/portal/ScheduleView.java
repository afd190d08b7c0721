package org.carevault.interfaces.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carevault.kmehr.MedicationSchedule;
import org.carevault.kmehr.MedicationSchedule.Intake;
import org.carevault.kmehr.MedicationSchedule.Line;
import org.carevault.kmehr.MedicationSchedule.Suspension;

/**
 * The medication schedule in the patient's words and language: for each medicine when and how much to take it, how
 * often, how, from when to when, the instructions for the patient, its suspensions and who last changed it. Codes are
 * put in words where the portal knows them ({@code code.<list>.<value>} in the bundles) and shown as written otherwise
 * ({@link Page#code}). As cards for the page, and as rows for the printable page and the PDF.
 */
final class ScheduleView {

    private ScheduleView() {
    }

    /** One medicine in words: each part already in the page's language, not escaped. */
    record Words(String medicine, List<String> take, List<String> how, String period, List<String> notes, Optional<String> status,
            String changedBy) {
    }

    static List<Words> words(Page page, MedicationSchedule schedule, LocalDate today) {
        List<Words> all = new ArrayList<>();
        for (Line line : schedule.lines()) {
            List<String> take = new ArrayList<>();
            for (Intake intake : line.intakes()) {
                take.add(intake(page, intake));
            }
            line.posology().ifPresent(take::add);
            List<String> how = new ArrayList<>();
            line.periodicity().ifPresent(p -> how.add(page.plain("medication.often", page.code("CD-PERIODICITY", p))));
            line.route().ifPresent(r -> how.add(page.plain("medication.route", page.code("CD-DRUG-ROUTE", r))));
            line.temporality().ifPresent(t -> how.add(page.code("CD-TEMPORALITY", t)));
            String period = line.end().map(end -> page.plain("medication.fromTo", day(page, line.begin().orElse("?")), day(page, end)))
                    .orElseGet(() -> line.begin().map(begin -> page.plain("medication.from", day(page, begin))).orElse(""));
            List<String> notes = new ArrayList<>();
            line.instructions().ifPresent(i -> notes.add(page.plain("medication.instructions", i)));
            Optional<String> status = Optional.empty();
            for (Suspension suspension : line.suspensions()) {
                notes.add(suspension(page, suspension));
                if (inForce(suspension, today)) {
                    status = Optional.of("stopped".equals(suspension.lifecycle().orElse("")) ? page.plain("medication.isStopped")
                            : page.plain("medication.isSuspended"));
                }
            }
            all.add(new Words(line.medicine().orElse(page.plain("medication.unnamed")), take, how, period, notes, status,
                    line.author().map(a -> page.plain("medication.changedBy", a)).orElse("")));
        }
        return all;
    }

    /** The schedule as cards, escaped. */
    static String cards(Page page, MedicationSchedule schedule) {
        StringBuilder html = new StringBuilder("<p class=\"actions\"><a id=\"print\" href=\"")
                .append(page.request().getContextPath()).append("/medication/print\">").append(page.text("medication.print"))
                .append("</a> · <a id=\"schedule-pdf\" href=\"").append(page.request().getContextPath())
                .append("/medication.pdf\">").append(page.text("medication.pdf")).append("</a></p><ul class=\"cards\" id=\"scheme\">");
        for (Words words : words(page, schedule, LocalDate.now(Portal.BRUSSELS))) {
            html.append("<li class=\"card\"><h3>").append(Portal.escape(words.medicine())).append("</h3>");
            words.status().ifPresent(s -> html.append("<p class=\"status\"><strong>").append(Portal.escape(s)).append("</strong></p>"));
            if (!words.take().isEmpty()) {
                html.append("<p class=\"label\">").append(page.text("medication.take")).append("</p><ul class=\"intakes\">");
                words.take().forEach(t -> html.append("<li>").append(Portal.escape(t)).append("</li>"));
                html.append("</ul>");
            }
            words.how().forEach(h -> html.append("<p>").append(Portal.escape(h)).append("</p>"));
            if (!words.period().isEmpty()) {
                html.append("<p>").append(Portal.escape(words.period())).append("</p>");
            }
            words.notes().forEach(n -> html.append("<p>").append(Portal.escape(n)).append("</p>"));
            if (!words.changedBy().isEmpty()) {
                html.append("<p><small>").append(Portal.escape(words.changedBy())).append("</small></p>");
            }
            html.append("</li>");
        }
        return html.append("</ul>").toString();
    }

    /** The columns of the printable page and the PDF: medicine, how to take it, how, period, notes. */
    static List<String> row(Words words) {
        List<String> medicine = new ArrayList<>(List.of(words.medicine()));
        words.status().ifPresent(medicine::add);
        List<String> notes = new ArrayList<>(words.notes());
        if (!words.changedBy().isEmpty()) {
            notes.add(words.changedBy());
        }
        return List.of(String.join("\n", medicine), String.join("\n", words.take()), String.join("\n", words.how()),
                words.period(), String.join("\n", notes));
    }

    /** One intake: the day (if the regimen names one), the moment or time, then how much of what. */
    static String intake(Page page, Intake intake) {
        List<String> when = new ArrayList<>();
        intake.weekday().ifPresent(w -> when.add(page.code("CD-WEEKDAY", w)));
        intake.dayNumber().ifPresent(n -> when.add(page.plain("medication.dayNumber", n)));
        intake.date().ifPresent(d -> when.add(day(page, d)));
        intake.dayPeriod().ifPresent(p -> when.add(page.code("CD-DAYPERIOD", p)));
        intake.time().ifPresent(t -> when.add(page.plain("medication.at", t.length() >= 5 ? t.substring(0, 5) : t)));
        String quantity = intake.quantity().orElse("?");
        String amount = intake.unit().map(u -> page.plain("medication.quantity", quantity, unit(page, u))).orElse(quantity);
        return when.isEmpty() ? amount : page.plain("medication.intake", String.join(", ", when), amount);
    }

    private static String unit(Page page, String code) {
        return page.words("CD-ADMINISTRATIONUNIT", code).orElseGet(() -> page.plain("medication.unitCode", code));
    }

    private static String suspension(Page page, Suspension suspension) {
        boolean stopped = "stopped".equals(suspension.lifecycle().orElse(""));
        String begin = day(page, suspension.begin().orElse("?"));
        String text = suspension.end().map(end -> page.plain(stopped ? "medication.stoppedFromTo" : "medication.suspendedFromTo",
                begin, day(page, end))).orElseGet(() -> page.plain(stopped ? "medication.stoppedFrom" : "medication.suspendedFrom", begin));
        text += suspension.reason().map(r -> " — " + page.plain("medication.reason", r)).orElse("");
        return text + suspension.author().map(a -> " (" + page.plain("medication.by", a) + ")").orElse("");
    }

    /** Whether the suspension holds on {@code today} (from its first day to its last, both included). */
    static boolean inForce(Suspension suspension, LocalDate today) {
        try {
            LocalDate begin = LocalDate.parse(suspension.begin().orElse("").substring(0, Math.min(10, suspension.begin().orElse("").length())));
            Optional<LocalDate> end = suspension.end().map(e -> LocalDate.parse(e.substring(0, Math.min(10, e.length()))));
            return !today.isBefore(begin) && end.map(e -> !today.isAfter(e)).orElse(true);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String day(Page page, String kmehrDate) {
        return page.written(kmehrDate);
    }
}
