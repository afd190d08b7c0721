package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.carevault.application.vault.PushedDocumentService;
import org.carevault.application.vault.VaccinationService;
import org.carevault.interfaces.rest.VaultViews.DocumentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Vaccinations, pushed one at a time by physicians, nurses and pharmacists ({@link PushedDocumentResource}). */
@Path("/patients/{patientRef}/vaccinations")
@RequestScoped
public class VaccinationResource extends PushedDocumentResource {

    @EJB
    private VaccinationService vaccinations;

    @Override
    PushedDocumentService service() {
        return vaccinations;
    }

    @Operation(summary = "Push a vaccination (PutTransaction)",
            description = "One vaccination as KMEHR (a vaccination transaction: its vaccine item with CD-VACCINEINDICATION, product, date, batch), by whoever gave or recorded it; 201 with Location and the metadata.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass, byte[] kmehr) {
        return pushed(patientRef, breakTheGlass, kmehr);
    }

    @Operation(summary = "List the patient's vaccinations (GetTransactionList)",
            description = "Metadata only, newest first; latest marks the newest active one.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DocumentView> list(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return listed(patientRef, breakTheGlass);
    }

    @Operation(summary = "Read a vaccination (GetTransaction)",
            description = "The KMEHR exactly as pushed.")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_XML)
    public Response get(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return read(patientRef, id, breakTheGlass);
    }

    @Operation(summary = "Revoke a vaccination (RevokeTransaction)",
            description = "By its author: it is no longer listed as active.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return revoked(patientRef, id, breakTheGlass);
    }
}
