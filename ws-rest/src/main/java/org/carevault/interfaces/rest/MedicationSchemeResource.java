package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.MedicationSchemeService.Diff;
import org.carevault.application.vault.MedicationSchemeService.LatestUpdate;
import org.carevault.application.vault.MedicationSchemeService.SchemeView;
import org.carevault.application.vault.MedicationSchemeService.VersionInfo;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;

/**
 * The medication scheme: {@code GET} (KMEHR, {@code ETag: "n"}), {@code PUT} (KMEHR, {@code If-Match: "n"}
 * required — {@code "0"} for a first scheme; 412 with the current version when stale, 428 without),
 * {@code /latest-update}, {@code /versions}, {@code /versions/{n}}, {@code /diff?from=&to=}. Every
 * request may carry {@code X-Break-The-Glass}.
 */
@Path("/patients/{patientRef}/medication-scheme")
@RequestScoped
public class MedicationSchemeResource {

    private static final String KMEHR = MediaType.APPLICATION_XML + ";charset=UTF-8";

    @Inject
    private RestCaller restCaller;

    @EJB
    private MedicationSchemeService schemes;

    @GET
    @Produces(MediaType.APPLICATION_XML)
    public Response get(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        SchemeView view = schemes.current(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass))
                .orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND, "The patient has no medication scheme yet"));
        return xml(view, Response.Status.OK);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.APPLICATION_XML)
    public Response put(@PathParam("patientRef") String patientRef, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass, byte[] kmehr) {
        PatientRef patient = PatientRef.parse(patientRef);
        Optional<Long> basedOn = basedOn(ifMatch);
        SchemeView view = schemes.put(restCaller.current(), patient, kmehr == null ? new byte[0] : kmehr, basedOn,
                Optional.ofNullable(breakTheGlass));
        return xml(view, view.version() == 1 ? Response.Status.CREATED : Response.Status.OK);
    }

    @GET
    @Path("/latest-update")
    @Produces(MediaType.APPLICATION_JSON)
    public Response latestUpdate(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        LatestUpdate latest = schemes.latestUpdate(restCaller.current(), PatientRef.parse(patientRef),
                Optional.ofNullable(breakTheGlass)).orElse(new LatestUpdate(0, null));
        return Response.ok(latest).tag(tag(latest.version())).build();
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<VersionInfo> versions(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return schemes.history(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass));
    }

    @GET
    @Path("/versions/{version}")
    @Produces(MediaType.APPLICATION_XML)
    public Response version(@PathParam("patientRef") String patientRef, @PathParam("version") String version,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return xml(schemes.version(restCaller.current(), PatientRef.parse(patientRef), number(version, ErrorCode.NOT_FOUND),
                Optional.ofNullable(breakTheGlass)), Response.Status.OK);
    }

    @GET
    @Path("/diff")
    @Produces(MediaType.APPLICATION_JSON)
    public Diff diff(@PathParam("patientRef") String patientRef, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return schemes.diff(restCaller.current(), PatientRef.parse(patientRef), number(from, ErrorCode.REQUEST_INVALID),
                number(to, ErrorCode.REQUEST_INVALID), Optional.ofNullable(breakTheGlass));
    }

    private static Response xml(SchemeView view, Response.Status status) {
        return Response.status(status).type(KMEHR).entity(view.kmehr()).tag(tag(view.version())).build();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in {@code If-Match: "n"}; absent, weak or malformed is no version (the service answers 428). */
    static Optional<Long> basedOn(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        String value = ifMatch.strip();
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return Optional.empty();
        }
        value = value.substring(1, value.length() - 1);
        return value.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    private static long number(String text, ErrorCode error) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new CareVaultException(error);
        }
        return Long.parseLong(text);
    }
}
