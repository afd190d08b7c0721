package org.carevault.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.carevault.application.preference.Language;
import org.carevault.application.preference.PreferenceService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The authenticated caller: who the hub takes them for, and their own preferences. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private static final Set<String> PREFERENCE_FIELDS = RequestBodies.fields(RequestBodies.Preferences.class);

    @Inject
    private RestCaller restCaller;

    @Inject
    private PreferenceService preferences;

    @Operation(summary = "Who am I",
            description = "The caller as the hub takes them from the token: identity, role, organisation, and their preferences.")
    @GET
    public CallerView me() {
        Caller caller = restCaller.current();
        return CallerView.of(caller, preferences.find(caller));
    }

    @Operation(summary = "Set one's preferences",
            description = "{\"language\": \"nl\"|\"fr\"|\"de\"|\"en\"}: the language of the caller's messages and notices. Touches no patient data.")
    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallerView setPreferences(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Preferences.class)))
            JsonObject body) {
        Caller caller = restCaller.current();
        Language language = parseLanguage(body);
        return CallerView.of(caller, preferences.setLanguage(caller, language).language());
    }

    private static Language parseLanguage(JsonObject body) {
        if (body == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A JSON object with 'language' is required");
        }
        for (String field : body.keySet()) {
            if (!PREFERENCE_FIELDS.contains(field)) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Unknown field");
            }
        }
        JsonValue value = body.get("language");
        if (!(value instanceof JsonString text)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'language' must be one of nl, fr, de, en");
        }
        return Language.fromCode(text.getString()).orElseThrow(
                () -> new CareVaultException(ErrorCode.REQUEST_INVALID, "'language' must be one of nl, fr, de, en"));
    }
}
