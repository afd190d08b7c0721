package org.carevault.devstack;

import java.util.List;

/**
 * The demo people of the dev realm and the demo PKI, in one list so that the realm's users and the
 * certificates always agree.
 *
 * @param nihii    professional registration (null for patients and the operator)
 * @param quality  the certificate quality, or null when the person gets no certificate
 */
public record DemoIdentity(String username, String firstName, String lastName, String role, String ssin, String nihii,
        String quality) {

    public static final List<DemoIdentity> PEOPLE = List.of(
            new DemoIdentity("gp.peeters", "Jan", "Peeters", "physician", "72081012378", "12345625004", "PHYSICIAN"),
            new DemoIdentity("pharm.janssens", "Els", "Janssens", "pharmacist", "85021445650", "41234502000", "PHARMACIST"),
            new DemoIdentity("nurse.maes", "Lotte", "Maes", "nurse", "90050123412", "51234509401", "NURSE"),
            new DemoIdentity("patient.devos", "Marc", "Devos", "patient", "55032001180", null, null),
            new DemoIdentity("patient.claes", "Sofie", "Claes", "patient", "62070834587", null, null),
            new DemoIdentity("admin", "Hub", "Operator", "admin", "80010100107", null, null));

    /** The hospital of the demo: a confidential client and an organisation certificate. */
    public static final String HOSPITAL_CLIENT = "hospital-az";
    public static final String HOSPITAL_NIHII = "71099812";
    public static final String HOSPITAL_NAME = "AZ Demo";

    /**
     * A minor of the demo, without an account of their own, whose legal representative (the operator links it at
     * each start, {@link DemoData}) is their mother {@value #CHILD_PARENT}.
     */
    public static final String CHILD_SSIN = "14091512307";
    public static final String CHILD_NAME = "Lucas Claes";
    public static final String CHILD_PARENT = "patient.claes";

    public static DemoIdentity named(String username) {
        return PEOPLE.stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public boolean hasCertificate() {
        return quality != null;
    }
}
