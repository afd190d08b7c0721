package org.carevault.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.carevault.crypto.identity.Nihii;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may use which box: caller × box × mandate × operation → decision. */
class BoxPolicyTest {

    private static final Caller GP = new Caller(PartyId.person("72081012378"), Role.PHYSICIAN,
            Optional.of(Nihii.of("12345625004")), "", Channel.SOAP);
    private static final Caller PATIENT = new Caller(PartyId.person("55032001180"), Role.PATIENT, Optional.empty(), "",
            Channel.REST);
    private static final Caller ADMIN = new Caller(PartyId.person("85021445650"), Role.ADMIN, Optional.empty(), "",
            Channel.REST);
    private static final BoxPolicy.Box OWN = BoxPolicy.Box.of(GP);
    /** The same person's box in another quality is another box. */
    private static final BoxPolicy.Box OWN_AS_NURSE = new BoxPolicy.Box(PartyKey.of(GP.id()), Role.NURSE);
    private static final BoxPolicy.Box HOSPITAL_BOX = new BoxPolicy.Box(PartyKey.of(PartyId.organisation("71099812")),
            Role.HOSPITAL);

    private final BoxPolicy policy = new BoxPolicy();

    @ParameterizedTest(name = "{0} on {1}, mandate {2}, owner-only {3} → {4}")
    @CsvSource({
        "none,    own,      false, false, NOT_AUTHENTICATED, NONE",
        "patient, own,      false, false, ROLE_NOT_ALLOWED,  NONE",
        "admin,   own,      false, false, ROLE_NOT_ALLOWED,  NONE",
        "gp,      implicit, false, false, PERMIT,            BOX_OWNER",
        "gp,      own,      false, true,  PERMIT,            BOX_OWNER",
        "gp,      hospital, false, false, NOT_MANDATED,      NONE",
        "gp,      hospital, true,  false, PERMIT,            MANDATE",
        "gp,      hospital, true,  true,  ROLE_NOT_ALLOWED,  NONE",
        "gp,      hospital, false, true,  ROLE_NOT_ALLOWED,  NONE",
        "patient, hospital, true,  false, ROLE_NOT_ALLOWED,  NONE",
        "none,    hospital, true,  false, NOT_AUTHENTICATED, NONE",
        "gp,      asNurse,  false, false, NOT_MANDATED,      NONE",
        "gp,      asNurse,  true,  false, PERMIT,            MANDATE",
        "gp,      asNurse,  false, true,  ROLE_NOT_ALLOWED,  NONE",
    })
    void decides(String caller, String box, boolean mandate, boolean ownerOnly, DecisionCode code, Decision.Basis basis) {
        Optional<Caller> who = switch (caller) {
            case "gp" -> Optional.of(GP);
            case "patient" -> Optional.of(PATIENT);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
        Optional<BoxPolicy.Box> whose = switch (box) {
            case "own" -> Optional.of(OWN);
            case "asNurse" -> Optional.of(OWN_AS_NURSE);
            case "hospital" -> Optional.of(HOSPITAL_BOX);
            default -> Optional.empty();
        };
        assertEquals(new Decision(code, basis), policy.decide(new BoxPolicy.BoxRequest(who, whose, mandate, ownerOnly)));
    }
}
