package org.carevault.interfaces.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** One portal page: the shell (language, header, language switch, logout) around a body; every text from the bundle. */
final class Page {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String language;
    private final ResourceBundle messages;

    Page(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
        this.language = Portal.language(request);
        this.messages = Portal.messages(language);
    }

    /** A text of the bundle with its arguments put in, not escaped (for CSV and PDF). */
    String plain(String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), Locale.forLanguageTag(language)).format(arguments);
    }

    /**
     * A KMEHR code in words ({@code code.<list>.<value>} of the bundle), or the code as written when the bundle does
     * not know it — never dropped. Not escaped.
     */
    String code(String list, String value) {
        return words(list, value).orElseGet(() -> plain("code.raw", value));
    }

    /** A KMEHR code in words, when the bundle knows it. Not escaped. */
    Optional<String> words(String list, String value) {
        String key = "code." + list + "." + value;
        return messages.containsKey(key) ? Optional.of(plain(key)) : Optional.empty();
    }

    HttpServletRequest request() {
        return request;
    }

    /** A text of the bundle with its arguments put in, all escaped. */
    String text(String key, Object... arguments) {
        return Portal.escape(plain(key, arguments));
    }

    /** A day, in this page's language (Belgian time); not escaped. */
    String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)).format(instant.atZone(Portal.BRUSSELS));
    }

    /** A calendar day, in this page's language; not escaped. */
    String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)).format(day);
    }

    /**
     * A date as a KMEHR document writes it (its own local day, with or without a time: {@code 2026-12-03T08:10:00}), in
     * this page's language like every other date; what is not such a date is shown as written. Not escaped.
     */
    String written(String kmehrDate) {
        return written(kmehrDate, Locale.forLanguageTag(language));
    }

    static String written(String kmehrDate, Locale locale) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                    .format(LocalDateTime.parse(kmehrDate).atZone(Portal.BRUSSELS));
        } catch (DateTimeParseException notADateTime) {
            try {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(LocalDate.parse(kmehrDate));
            } catch (DateTimeParseException notADay) {
                return kmehrDate;
            }
        }
    }

    /** A day and time to the minute, in this page's language (Belgian time); not escaped. */
    String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                FormatStyle.SHORT).withLocale(Locale.forLanguageTag(language)).format(instant.atZone(Portal.BRUSSELS));
    }

    /** One term and its (already escaped) description in a definition list. */
    String definition(String key, String value) {
        return "<dt>" + text(key) + "</dt><dd>" + value + "</dd>";
    }

    /** A form posting to a portal path, with the anti-forgery token (which every POST must carry). */
    String form(String path, String fields, String buttonKey, String buttonClass) {
        return "<form method=\"post\" action=\"" + request.getContextPath() + path + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Portal.escape(Portal.csrf(request)) + "\">" + fields
                + "<button type=\"submit\" class=\"" + buttonClass + "\">" + text(buttonKey) + "</button></form>";
    }

    void write(String title, String body) throws IOException {
        StringBuilder html = new StringBuilder(4096);
        String context = request.getContextPath();
        html.append("<!DOCTYPE html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append(" — CareVault</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(context).append("/static/portal.css\"></head><body>")
                .append("<a class=\"skip\" href=\"#main\">").append(text("skip")).append("</a>")
                .append("<header><span class=\"brand\">CareVault</span><nav aria-label=\"").append(text("languages"))
                .append("\"><ul class=\"languages\">");
        for (String other : Portal.LANGUAGES) {
            html.append("<li><a lang=\"").append(other).append("\" hreflang=\"").append(other).append("\" href=\"?lang=")
                    .append(other).append("\"").append(other.equals(language) ? " aria-current=\"true\"" : "").append(">")
                    .append(Portal.escape(Portal.messages(other).getString("language.name"))).append("</a></li>");
        }
        html.append("</ul></nav>");
        if (Portal.caller(request).isPresent()) {
            html.append(form("/logout", "", "logout", "secondary"));
        }
        html.append("</header>");
        if (Portal.caller(request).isPresent()) {
            html.append("<nav class=\"sections\" aria-label=\"").append(text("sections")).append("\"><ul>");
            for (String[] section : new String[][] {{"/", "title.home"}, {"/relationships", "title.relationships"},
                {"/medication", "title.medication"}, {"/exclusions", "title.exclusions"}, {"/log", "title.log"},
                {"/proxies", "title.proxies"}}) {
                boolean current = section[0].equals(request.getServletPath().isEmpty() ? "/" : request.getServletPath());
                html.append("<li><a href=\"").append(context).append(section[0]).append("\"")
                        .append(current ? " aria-current=\"page\"" : "").append(">").append(text(section[1])).append("</a></li>");
            }
            html.append("</ul></nav>");
            PatientServlet.acting(request).ifPresent(acting -> html.append("<div class=\"acting\" role=\"status\" id=\"acting\"><p>")
                    .append(text("acting.banner", acting.name())).append("</p>")
                    .append(form("/acting", "<input type=\"hidden\" name=\"proxy\" value=\"self\">", "proxies.backToMine",
                            "secondary-dark")).append("</div>"));
        }
        html.append("<main id=\"main\"><h1>").append(title).append("</h1>");
        if (request.getParameter("confirmed") != null && Portal.caller(request).isPresent()) {
            // Back from giving the second factor for a change: the change was not made yet, the patient makes it now.
            html.append("<p id=\"stepped-up\" role=\"status\" class=\"status active\">").append(text("stepUp.done")).append("</p>");
        }
        html.append(body).append("</main></body></html>");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html.toString());
    }
}
