package org.carevault.it;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * In-container: every row of every table of the hub's database, read raw, searched for words that must
 * not be there. Columns holding ciphertext, sealed messages, wrapped shares, tokens or hashes are
 * random-looking by design, so a short word can turn up in them (or their base64) by chance: they are
 * searched, raw and base64-decoded, for the long words only; every other column for every word.
 */
final class RawRows {

    /**
     * Starts every statement the wire tests send to the hub's database themselves, so that QueryPlansIT can tell them
     * from the hub's own (PostgreSQL keeps the comment in the statement's recorded text).
     */
    static final String MARK = "/* wire-test */ ";

    /** Columns holding ciphertext, sealed messages, wrapped shares, time-stamp tokens or hashes. */
    static final Set<String> OPAQUE = Set.of("content", "frame", "first_share", "second_share", "token", "hash",
            "head_hash", "sealed", "time_stamp", "names");

    private RawRows() {
    }

    /** Where the words were found ("word in table.column"); empty when nowhere. */
    @SuppressWarnings("unchecked")
    static Set<String> find(EntityManager em, Set<String> opaque, List<String> words, List<String> longWords) {
        List<String> tables = em.createNativeQuery(RawRows.MARK + "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'").getResultList();
        Set<String> found = new TreeSet<>();
        for (String table : tables) {
            List<String> columns = em.createNativeQuery(RawRows.MARK + "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND TABLE_NAME = ?1").setParameter(1, table).getResultList();
            for (String column : columns) {
                boolean isOpaque = opaque.contains(column.toLowerCase(Locale.ROOT));
                for (Object value : em.createNativeQuery(RawRows.MARK + "SELECT \"" + column + "\" FROM \"" + table + "\"").getResultList()) {
                    String raw = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    if (isOpaque) {
                        String decoded = base64(raw);
                        longWords.stream().filter(word -> raw.contains(word) || decoded.contains(word))
                                .forEach(word -> found.add(word + " in " + table + "." + column));
                    } else {
                        String text = raw.toLowerCase(Locale.ROOT);
                        words.stream().filter(text::contains).forEach(word -> found.add(word + " in " + table + "." + column));
                    }
                }
            }
        }
        return found;
    }

    static long count(EntityManager em, String table) {
        return ((Number) em.createNativeQuery(RawRows.MARK + "SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    private static String base64(String raw) {
        try {
            return new String(Base64.getDecoder().decode(raw), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    static List<String> lower(List<String> words) {
        return Arrays.asList(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }
}
