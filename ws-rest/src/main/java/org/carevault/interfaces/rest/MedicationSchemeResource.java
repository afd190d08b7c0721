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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevault.application.vault.MedicationSchemeService.LatestUpdate;
import org.carevault.application.vault.MedicationSchemeService.SchemeView;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.crypto.Sha256;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.VaultViews.DiffView;
import org.carevault.interfaces.rest.VaultViews.LatestUpdateView;
import org.carevault.interfaces.rest.VaultViews.VersionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The medication scheme: {@code GET} (KMEHR, {@code ETag: "n.d"}: version n, d a digest of the bytes), {@code PUT}
 * (KMEHR, {@code If-Match: "n"} or the ETag read
 * required — {@code "0"} for a first scheme; 412 with the current version when stale, 428 without),
 * {@code /latest-update}, {@code /versions}, {@code /versions/{n}}, {@code /diff?from=&to=}. Every
 * request may carry {@code X-Break-The-Glass}.
 */
@Path("/patients/{patientRef}/medication-scheme")
@RequestScoped
public class MedicationSchemeResource {

    private static final String KMEHR = MediaType.APPLICATION_XML + ";charset=UTF-8";
    private static final Pattern IF_MATCH = Pattern.compile("([0-9]{1,18})(?:\\.[0-9a-f]{16})?");

    @Inject
    private RestCaller restCaller;

    @EJB
    private MedicationSchemeService schemes;

    @Operation(summary = "Read the medication scheme (GetTransactionSet)",
            description = "The patient's current medication scheme as KMEHR 1.43, with the header's recipient being the caller. ETag \"n.d\": version n and a digest of the bytes (a version reads the same each time for the same caller). X-Break-The-Glass: <reason> for an emergency read.")
    @GET
    @Produces(MediaType.APPLICATION_XML)
    public Response get(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        SchemeView view = schemes.current(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass))
                .orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND, "The patient has no medication scheme yet"));
        return xml(view, Response.Status.OK);
    }

    @Operation(summary = "Write the medication scheme (PutTransactionSet)",
            description = "A whole new version as KMEHR: If-Match with the version it is based on (\"0\" for a first scheme, or the ETag read) is required, so that no update is lost: 412 with the current version when another was written since, 428 without If-Match. 201 for the first version, 200 for the next; the new ETag in the answer.")
    @APIResponse(responseCode = "201", description = "The first version, with its ETag")
    @APIResponse(responseCode = "200", description = "The next version, with its ETag")
    @APIResponse(responseCode = "412", description = "Stale: another version was written since the one in If-Match; currentVersion in the problem (CV-VAULT-001)")
    @APIResponse(responseCode = "428", description = "If-Match is missing, weak or malformed (CV-VAULT-002)")
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

    @Operation(summary = "When the scheme last changed (GetLatestUpdate)",
            description = "The current version and when it was written: cheap to poll before reading the whole scheme.")
    @GET
    @Path("/latest-update")
    @Produces(MediaType.APPLICATION_JSON)
    public Response latestUpdate(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        LatestUpdate latest = schemes.latestUpdate(restCaller.current(), PatientRef.parse(patientRef),
                Optional.ofNullable(breakTheGlass)).orElse(new LatestUpdate(0, null));
        return Response.ok(LatestUpdateView.of(latest)).tag(tag(latest.version())).build();
    }

    @Operation(summary = "List the scheme's versions",
            description = "Every version, newest first: number, time, author and channel.")
    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<VersionView> versions(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return schemes.history(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass)).stream()
                .map(VersionView::of).toList();
    }

    @Operation(summary = "Read one version",
            description = "The KMEHR of version n as it was written, rendered for the caller (deterministic, with its own ETag).")
    @GET
    @Path("/versions/{version}")
    @Produces(MediaType.APPLICATION_XML)
    public Response version(@PathParam("patientRef") String patientRef, @PathParam("version") String version,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return xml(schemes.version(restCaller.current(), PatientRef.parse(patientRef), number(version, ErrorCode.NOT_FOUND),
                Optional.ofNullable(breakTheGlass)), Response.Status.OK);
    }

    @Operation(summary = "Compare two versions",
            description = "?from=&to=: the ids of the medication lines added, changed and removed between two versions.")
    @GET
    @Path("/diff")
    @Produces(MediaType.APPLICATION_JSON)
    public DiffView diff(@PathParam("patientRef") String patientRef, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return DiffView.of(schemes.diff(restCaller.current(), PatientRef.parse(patientRef),
                number(from, ErrorCode.REQUEST_INVALID), number(to, ErrorCode.REQUEST_INVALID), Optional.ofNullable(breakTheGlass)));
    }

    private static Response xml(SchemeView view, Response.Status status) {
        return Response.status(status).type(KMEHR).entity(view.kmehr()).tag(representationTag(view)).build();
    }

    /**
     * The strong validator of a KMEHR representation: {@code "n.d"}, the version and a digest of the very bytes sent.
     * A version is rendered the same way every time for the same reader, but for each reader with its own header
     * recipient, so the bytes — and the tag — differ between readers; the version before the dot is what a write
     * states in {@code If-Match}.
     */
    static EntityTag representationTag(SchemeView view) {
        return new EntityTag(view.version() + "." + Sha256.hex(view.kmehr().getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version in {@code If-Match: "n"} or {@code "n.d"} (a representation's tag: the version counts); absent,
     * weak or malformed is no version (the service answers 428).
     */
    static Optional<Long> basedOn(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        String value = ifMatch.strip();
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return Optional.empty();
        }
        value = value.substring(1, value.length() - 1);
        Matcher tag = IF_MATCH.matcher(value);
        return tag.matches() ? Optional.of(Long.parseLong(tag.group(1))) : Optional.empty();
    }

    private static long number(String text, ErrorCode error) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new CareVaultException(error);
        }
        return Long.parseLong(text);
    }
}
