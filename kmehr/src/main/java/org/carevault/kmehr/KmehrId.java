package org.carevault.kmehr;

/** A KMEHR {@code <id>}: its scheme ({@code S}), its scheme label ({@code SL}, for LOCAL ids) and value. */
public record KmehrId(String scheme, String label, String value) {

    public boolean is(String scheme) {
        return scheme.equals(this.scheme);
    }
}
