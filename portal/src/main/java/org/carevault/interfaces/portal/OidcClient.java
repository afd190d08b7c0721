package org.carevault.interfaces.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The portal's OpenID Connect client, as the public client {@code carevault-portal} of the realm named by
 * {@code carevault.oidc.provider-url}: the authorization code flow with PKCE (S256). All of the protocol is the
 * Nimbus OAuth 2.0 SDK with OpenID Connect extensions (discovery, authentication request, response parsing with the
 * state check, token request and response, logout request) and Nimbus JOSE+JWT (ID token: RS256 under the realm's
 * published keys, issuer, audience, expiry, nonce, {@code at_hash}; access token: RS256, issuer, issued to this client,
 * same subject). The hub has no OAuth or JWT code of its own. WildFly's {@code elytron-oidc-client} was weighed and not
 * taken (docs/portal.md): it has no PKCE setting and cannot take the provider URL from the server's configuration.
 */
final class OidcClient {

    static final String CLIENT_ID = "carevault-portal";
    private static final ClientID CLIENT = new ClientID(CLIENT_ID);
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_MS = (int) Duration.ofSeconds(10).toMillis();
    private static final int READ_TIMEOUT_MS = (int) Duration.ofSeconds(20).toMillis();

    /**
     * What a login keeps in the session between the redirect and the callback (plain strings: the session may travel):
     * for a step-up, the level asked ({@code acr}) and the page to go back to; both null for a plain login, whose level
     * is the client's default in the realm.
     */
    record Pending(String state, String nonce, String verifier, String redirectUri, String acr, String returnTo)
            implements Serializable {
    }

    /** A verified login: the ID token (for logout), who it is, how they authenticated, and the access token's realm roles. */
    record Login(String idToken, String subject, String ssin, String name, String acr, Set<String> roles) {
    }

    /** The provider as the client uses it: its metadata, and the verifiers of its two tokens over its published keys. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator idTokens,
            DefaultJWTProcessor<SecurityContext> accessTokens) {
    }

    private final Issuer issuer;
    private volatile Provider provider;

    OidcClient(String issuer) {
        this.issuer = new Issuer(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
    }

    /** A random value for the session (CSRF token): as strong as the library's state (256 bits). */
    static String random() {
        return new State(32).getValue();
    }

    /** Starts a login: the state, nonce and PKCE verifier to keep. */
    Pending begin(String redirectUri) {
        return stepUp(redirectUri, null, null);
    }

    /**
     * Starts a step-up: a login that asks the provider for this {@code acr}, then goes back to {@code returnTo} (both
     * null: a plain login).
     */
    Pending stepUp(String redirectUri, String acr, String returnTo) {
        return new Pending(random(), new Nonce(32).getValue(), new CodeVerifier().getValue(), redirectUri, acr, returnTo);
    }

    /**
     * Where to send the browser: the authentication request with the S256 challenge of the kept verifier, and for a
     * step-up the {@code acr_values} to reach (Keycloak then asks only for what the session lacks: the second factor).
     */
    URI authorizationUri(Pending pending) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(OIDCScopeValue.OPENID), CLIENT, URI.create(pending.redirectUri()))
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.verifier()), CodeChallengeMethod.S256);
        if (pending.acr() != null) {
            request.acrValues(List.of(new ACR(pending.acr())));
        }
        return request.build().toURI();
    }

    static String challenge(String verifier) {
        return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue();
    }

    /**
     * The callback: parses the provider's answer (an error answer or a state other than this login's is refused),
     * exchanges the code with the PKCE verifier and verifies both tokens.
     */
    Login complete(Pending pending, URI callback) {
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(callback);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcException("the callback is not an authentication response");
        }
        if (!pending.state().equals(answer.getState() == null ? null : answer.getState().getValue())) {
            throw new OidcException("state mismatch");
        }
        if (answer instanceof AuthenticationErrorResponse error) {
            throw new OidcException("the provider answered " + error.getErrorObject().getCode());
        }
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new OidcException("no authorization code");
        }
        return exchange(pending, code);
    }

    private Login exchange(Pending pending, AuthorizationCode code) {
        TokenRequest request = new TokenRequest(provider().metadata().getTokenEndpointURI(), CLIENT,
                new AuthorizationCodeGrant(code, URI.create(pending.redirectUri()), new CodeVerifier(pending.verifier())));
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(send(request.toHTTPRequest()));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcException("the token answer is not OpenID Connect");
        }
        if (!response.indicatesSuccess()) {
            throw new OidcException("the token endpoint answered " + ((TokenErrorResponse) response).getErrorObject().getCode());
        }
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
        if (idToken == null || accessToken == null) {
            throw new OidcException("no ID token");
        }
        try {
            IDTokenClaimsSet claims = provider().idTokens().validate(idToken, new Nonce(pending.nonce()));
            if (claims.getAccessTokenHash() != null) {
                AccessTokenValidator.validate(accessToken, (JWSAlgorithm) idToken.getHeader().getAlgorithm(),
                        claims.getAccessTokenHash());
            }
            JWTClaimsSet access = provider().accessTokens().process(accessToken.getValue(), null);
            if (!claims.getSubject().getValue().equals(access.getSubject())) {
                throw new OidcException("tokens of different users");
            }
            return new Login(idToken.serialize(), claims.getSubject().getValue(), claims.getStringClaim("ssin"),
                    Objects.requireNonNullElse(claims.getStringClaim("name"), ""),
                    claims.getACR() == null ? null : claims.getACR().getValue(), realmRoles(access));
        } catch (BadJOSEException | JOSEException | InvalidHashException | ParseException e) {
            throw new OidcException("token refused: " + e.getClass().getSimpleName());
        }
    }

    private static Set<String> realmRoles(JWTClaimsSet access) throws ParseException {
        Set<String> roles = new HashSet<>();
        Map<String, Object> realmAccess = access.getJSONObjectClaim("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }

    /** Where to send the browser to end the Keycloak session too (RP-initiated logout). */
    URI logoutUri(String idToken, String postLogoutRedirectUri) {
        try {
            return new LogoutRequest(provider().metadata().getEndSessionEndpointURI(), JWTParser.parse(idToken), null, CLIENT,
                    URI.create(postLogoutRedirectUri), null, null).toURI();
        } catch (ParseException e) {
            throw new OidcException("the session's ID token cannot be read");
        }
    }

    /**
     * The provider, resolved once (and again after a failure): its metadata (whose issuer must be the configured one),
     * its published keys (fetched, cached and refreshed on an unknown key id by the library), and over them the ID token
     * validator (issuer, audience, expiry and issue time, nonce; 30 s of skew) and the access token processor (issuer,
     * issued to this client, subject, expiry).
     */
    private Provider provider() {
        Provider found = provider;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (provider == null) {
                OIDCProviderMetadata metadata;
                JWKSource<SecurityContext> keys;
                try {
                    metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
                    keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(true).build();
                } catch (GeneralException | IOException | IllegalArgumentException e) {
                    throw new OidcException("the provider's metadata cannot be had: " + e.getClass().getSimpleName());
                }
                IDTokenValidator idTokens = new IDTokenValidator(issuer, CLIENT,
                        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), null);
                idTokens.setMaxClockSkew(CLOCK_SKEW_SECONDS);
                DefaultJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();
                accessTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
                DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                        new JWTClaimsSet.Builder().issuer(issuer.getValue()).claim("azp", CLIENT_ID).build(),
                        Set.of("sub", "exp"));
                claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
                accessTokens.setJWTClaimsSetVerifier(claims);
                provider = new Provider(metadata, idTokens, accessTokens);
            }
            return provider;
        }
    }

    private static HTTPResponse send(HTTPRequest request) {
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        try {
            return request.send();
        } catch (IOException e) {
            throw new OidcException("the provider cannot be reached");
        }
    }

    /** A login that cannot be completed (the reason is for the log; the patient sees a generic message). */
    static final class OidcException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OidcException(String reason) {
            super(reason);
        }
    }
}
