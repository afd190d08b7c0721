package org.carevault.devstack;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the Keycloak realm to import from {@code keycloak/realm-template.json}: the static parts
 * (roles, clients) stay in the template, the users come from {@link DemoIdentity} and the secrets
 * from the installation's {@link Secrets}. The result is parsed before it is returned, so a broken
 * template fails here rather than in Keycloak's log.
 */
final class RealmWriter {

    private final String hubUrl;
    private final String hubTlsUrl;

    RealmWriter(String hubUrl, String hubTlsUrl) {
        this.hubUrl = hubUrl;
        this.hubTlsUrl = hubTlsUrl;
    }

    /**
     * The demo realm: the template's roles, clients and flows, the demo people ({@link DemoIdentity}) with password
     * {@code demo}, each patient with a TOTP second factor already set up under the secret {@code totpSecretOf} gives
     * (printed by the run command, so the demo's patients can add it to an authenticator app), and the password grant
     * of {@code carevault-cli} at level 1 (password only).
     */
    String realm(String name, String hospitalSecret, String adminPassword, Function<String, String> totpSecretOf,
            boolean withTestClients) throws IOException {
        String json = template()
                .replace("${REALM}", name)
                .replace("${HUB_URL}", hubUrl)
                .replace("${HUB_TLS_URL}", hubTlsUrl)
                .replace("${HOSPITAL_AZ_SECRET}", hospitalSecret)
                .replace("${IDENTITY_MAPPERS}", identityMappers(true).toString())
                .replace("${EXTRA_CLIENTS}", withTestClients ? "," + testClients() : "")
                .replace("${DIRECT_GRANT_FLOW}", "carevault direct grant")
                .replace("${USERS}", users(name, adminPassword, totpSecretOf).toString())
                .replace("${USER_PROFILE}", Json.createValue(userProfile().toString()).toString());
        return Json.createReader(new StringReader(json)).readObject().toString();
    }

    /** A hospital's confidential client in a production realm: client credentials, its NIHII and name in tokens. */
    record Hospital(String clientId, String nihii, String name, String secret) {
    }

    /**
     * The production realm: no password grant and no users (people come from the operator's identity sources, their
     * ssin/nihii attributes set by the operator), the portal as a public client with PKCE (S256), one confidential
     * client per hospital with its own generated secret, TLS required for everyone, brute-force protection on and
     * token lifetimes stated.
     */
    String production(String name, List<Hospital> hospitals) throws IOException {
        JsonObject demo = Json.createReader(new StringReader(realm(name, "unused", "unused", user -> "unused", false))).readObject();
        JsonObject hospitalTemplate = null;
        JsonArrayBuilder clients = Json.createArrayBuilder();
        for (JsonObject client : demo.getJsonArray("clients").getValuesAs(JsonObject.class)) {
            switch (client.getString("clientId")) {
                case "carevault-api", "carevault-portal" -> clients.add(client);
                case DemoIdentity.HOSPITAL_CLIENT -> hospitalTemplate = client;
                default -> { } // carevault-cli: the password grant exists in the demo realm only
            }
        }
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (Hospital hospital : hospitals) {
            clients.add(hospitalClient(hospitalTemplate, hospital));
            users.add(Json.createObjectBuilder()
                    .add("username", "service-account-" + hospital.clientId())
                    .add("enabled", true)
                    .add("serviceAccountClientId", hospital.clientId())
                    .add("realmRoles", Json.createArrayBuilder().add("hospital")));
        }
        return Json.createObjectBuilder(demo)
                .add("displayName", "CareVault")
                .add("sslRequired", "all")
                .add("bruteForceProtected", true)
                .add("permanentLockout", false)
                .add("failureFactor", 5)
                .add("waitIncrementSeconds", 60)
                .add("maxFailureWaitSeconds", 900)
                .add("maxDeltaTimeSeconds", 43200)
                .add("accessTokenLifespan", 300)
                .add("accessCodeLifespan", 60)
                .add("ssoSessionIdleTimeout", 1800)
                .add("ssoSessionMaxLifespan", 36000)
                .add("offlineSessionIdleTimeout", 0)
                .add("revokeRefreshToken", true)
                .add("clients", clients)
                .add("users", users)
                .add("directGrantFlow", "direct grant")
                .build().toString();
    }

    private static JsonObject hospitalClient(JsonObject template, Hospital hospital) {
        JsonArrayBuilder mappers = Json.createArrayBuilder();
        for (JsonObject mapper : template.getJsonArray("protocolMappers").getValuesAs(JsonObject.class)) {
            JsonObject config = mapper.getJsonObject("config");
            String claim = config.getString("claim.name", "");
            if ("nihii".equals(claim) || "name".equals(claim)) {
                config = Json.createObjectBuilder(config).add("claim.value", "nihii".equals(claim) ? hospital.nihii() : hospital.name())
                        .build();
            }
            mappers.add(Json.createObjectBuilder(mapper).add("config", config));
        }
        return Json.createObjectBuilder(template)
                .add("clientId", hospital.clientId())
                .add("name", hospital.name())
                .add("secret", hospital.secret())
                .add("protocolMappers", mappers)
                .build();
    }

    private static String template() throws IOException {
        try (InputStream in = RealmWriter.class.getResourceAsStream("/keycloak/realm-template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** ssin and nihii from the user's attributes, and the API audience when asked. */
    static JsonArray identityMappers(boolean withAudience) {
        JsonArrayBuilder mappers = Json.createArrayBuilder()
                .add(attributeMapper("ssin"))
                .add(attributeMapper("nihii"));
        if (withAudience) {
            mappers.add(Json.createObjectBuilder()
                    .add("name", "api-audience")
                    .add("protocol", "openid-connect")
                    .add("protocolMapper", "oidc-audience-mapper")
                    .add("config", Json.createObjectBuilder()
                            .add("included.custom.audience", "carevault-api")
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "false")));
        }
        return mappers.build();
    }

    private static JsonObject attributeMapper(String attribute) {
        return Json.createObjectBuilder()
                .add("name", attribute)
                .add("protocol", "openid-connect")
                .add("protocolMapper", "oidc-usermodel-attribute-mapper")
                .add("config", Json.createObjectBuilder()
                        .add("user.attribute", attribute)
                        .add("claim.name", attribute)
                        .add("jsonType.label", "String")
                        .add("access.token.claim", "true")
                        .add("id.token.claim", "true")
                        .add("userinfo.token.claim", "true"))
                .build();
    }

    /** Where the tests' patient app is sent back with its code (nothing listens there: the test reads the redirect). */
    static final String TEST_APP_REDIRECT = "http://localhost/it-patient-app/callback";

    /**
     * Clients only the over-the-wire tests use: one whose tokens lack the API audience, one whose tokens expire after
     * five seconds, and a patient app (public, authorization code with PKCE) through which the tests log patients in
     * with their second factor, as a patient's own app would.
     */
    private static String testClients() {
        JsonObject noAudience = publicPasswordClient("it-no-audience", identityMappers(false)).build();
        JsonObject shortLived = publicPasswordClient("it-short-lived", identityMappers(true))
                .add("attributes", Json.createObjectBuilder().add("access.token.lifespan", "5"))
                .build();
        JsonObject patientApp = Json.createObjectBuilder()
                .add("clientId", "it-patient-app")
                .add("enabled", true)
                .add("publicClient", true)
                .add("standardFlowEnabled", true)
                .add("directAccessGrantsEnabled", false)
                .add("redirectUris", Json.createArrayBuilder().add(TEST_APP_REDIRECT))
                .add("attributes", Json.createObjectBuilder().add("pkce.code.challenge.method", "S256"))
                .add("protocolMappers", identityMappers(true))
                .build();
        return noAudience + "," + shortLived + "," + patientApp;
    }

    private static JsonObjectBuilder publicPasswordClient(String clientId, JsonArray mappers) {
        return Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("enabled", true)
                .add("publicClient", true)
                .add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", true)
                .add("protocolMappers", mappers);
    }

    /**
     * The demo people. Each also holds the realm's default roles ({@code default-roles-<realm>}: the account console's
     * {@code manage-account}, {@code view-profile}), which Keycloak grants to users it creates but not to users imported
     * with roles of their own; without them the account console's API answers 401 and a patient cannot manage their
     * second factor there.
     */
    private static JsonArray users(String realm, String adminPassword, Function<String, String> totpSecretOf) {
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (DemoIdentity person : DemoIdentity.PEOPLE) {
            JsonObjectBuilder attributes = Json.createObjectBuilder().add("ssin", Json.createArrayBuilder().add(person.ssin()));
            if (person.nihii() != null) {
                attributes.add("nihii", Json.createArrayBuilder().add(person.nihii()));
            }
            String password = "admin".equals(person.role()) ? adminPassword : "demo";
            JsonArrayBuilder credentials = Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("type", "password").add("value", password).add("temporary", false));
            if ("patient".equals(person.role())) {
                credentials.add(totp(totpSecretOf.apply(person.username())));
            }
            users.add(Json.createObjectBuilder()
                    .add("username", person.username())
                    .add("enabled", true)
                    .add("firstName", person.firstName())
                    .add("lastName", person.lastName())
                    .add("email", person.username() + "@demo.carevault.invalid")
                    .add("emailVerified", true)
                    .add("attributes", attributes)
                    .add("credentials", credentials)
                    .add("realmRoles", Json.createArrayBuilder().add(person.role()).add("default-roles-" + realm)));
        }
        users.add(Json.createObjectBuilder()
                .add("username", "service-account-" + DemoIdentity.HOSPITAL_CLIENT)
                .add("enabled", true)
                .add("serviceAccountClientId", DemoIdentity.HOSPITAL_CLIENT)
                .add("realmRoles", Json.createArrayBuilder().add("hospital")));
        return users.build();
    }

    /**
     * A TOTP credential as Keycloak stores one (the realm's OTP policy: HmacSHA1, 6 digits, 30 s): the secret is the
     * string's UTF-8 bytes, which an authenticator app takes in base32 ({@link DemoSetup} prints it).
     */
    private static JsonObject totp(String secret) {
        return Json.createObjectBuilder()
                .add("type", "otp")
                .add("userLabel", "Demo authenticator")
                .add("secretData", Json.createObjectBuilder().add("value", secret).build().toString())
                .add("credentialData", Json.createObjectBuilder().add("subType", "totp").add("digits", 6).add("counter", 0)
                        .add("period", 30).add("algorithm", "HmacSHA1").build().toString())
                .build();
    }

    /** The declarative user profile: the usual attributes plus ssin and nihii, which only admins edit. */
    private static JsonObject userProfile() {
        JsonArrayBuilder attributes = Json.createArrayBuilder()
                .add(profileAttribute("username", true, Json.createObjectBuilder()
                        .add("length", Json.createObjectBuilder().add("min", 3).add("max", 255))
                        .add("username-prohibited-characters", Json.createObjectBuilder())))
                .add(profileAttribute("email", true, Json.createObjectBuilder()
                        .add("email", Json.createObjectBuilder())
                        .add("length", Json.createObjectBuilder().add("max", 255))))
                .add(profileAttribute("firstName", true, Json.createObjectBuilder()
                        .add("length", Json.createObjectBuilder().add("max", 255))))
                .add(profileAttribute("lastName", true, Json.createObjectBuilder()
                        .add("length", Json.createObjectBuilder().add("max", 255))))
                .add(profileAttribute("ssin", false, Json.createObjectBuilder()
                        .add("pattern", Json.createObjectBuilder().add("pattern", "^\\d{11}$"))))
                .add(profileAttribute("nihii", false, Json.createObjectBuilder()
                        .add("pattern", Json.createObjectBuilder().add("pattern", "^(\\d{8}|\\d{11})$"))));
        return Json.createObjectBuilder()
                .add("attributes", attributes)
                .add("groups", Json.createArrayBuilder())
                .build();
    }

    private static JsonObject profileAttribute(String name, boolean userEditable, JsonObjectBuilder validations) {
        JsonArrayBuilder edit = Json.createArrayBuilder().add("admin");
        if (userEditable) {
            edit.add("user");
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("displayName", name)
                .add("validations", validations)
                .add("permissions", Json.createObjectBuilder()
                        .add("view", Json.createArrayBuilder().add("admin").add("user"))
                        .add("edit", edit))
                .add("multivalued", false)
                .build();
    }
}
