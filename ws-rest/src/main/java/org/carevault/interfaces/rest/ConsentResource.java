package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.carevault.application.consent.ConsentService;
import org.carevault.application.consent.Registered;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.ProofType;
import org.carevault.interfaces.rest.PatientViews.ConsentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The patient's informed consent: GET (GetPatientConsent), PUT (PutPatientConsent: 201 when given
 * now, 200 when it already was), DELETE (RevokePatientConsent). A professional states the proof:
 * {@code {"proof": "EID_READING"}} on PUT, {@code ?proof=EID_READING} on DELETE.
 */
@Path("/patients/{patientRef}/consent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private ConsentService consents;

    @Operation(summary = "Read the patient's consent (GetPatientConsent)",
            description = "The patient's informed consent to the exchange of their data: given since when, or none.")
    @GET
    public ConsentView get(@PathParam("patientRef") String patientRef) {
        PatientRef patient = PatientRef.parse(patientRef);
        return consents.get(restCaller.current(), patient).map(ConsentView::of).orElse(ConsentView.none(patient.value()));
    }

    @Operation(summary = "Register the patient's consent (PutPatientConsent)",
            description = "By the patient, or by a professional who states how the patient confirmed it (proof: EID_READING, …). 201 when given now, 200 when it already was.")
    @APIResponse(responseCode = "201", description = "Registered: the patient's consent")
    @APIResponse(responseCode = "200", description = "Already registered: the consent as it stands")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Consent.class)))
            JsonObject body) {
        PatientRef patient = PatientRef.parse(patientRef);
        Optional<ProofType> proof = JsonInput.orEmpty(body, RequestBodies.fields(RequestBodies.Consent.class)).choice("proof", ProofType.class);
        Registered<PatientConsent> registered = consents.put(restCaller.current(), patient, proof);
        return Response.status(registered.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ConsentView.of(registered.value())).build();
    }

    @Operation(summary = "Withdraw the patient's consent (RevokePatientConsent)",
            description = "From then on no professional reads the patient's data except by break-the-glass. A professional states the proof with ?proof=.")
    @DELETE
    public ConsentView revoke(@PathParam("patientRef") String patientRef, @QueryParam("proof") String proof) {
        PatientRef patient = PatientRef.parse(patientRef);
        Optional<ProofType> proofType = Optional.ofNullable(proof).map(p -> JsonInput.parseChoice("proof", p, ProofType.class));
        return ConsentView.of(consents.revoke(restCaller.current(), patient, proofType));
    }
}
