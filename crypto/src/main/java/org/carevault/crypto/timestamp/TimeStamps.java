package org.carevault.crypto.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.carevault.crypto.Sha256;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Signatures;

/** Requests and verification of RFC 3161 time-stamps over data. */
public final class TimeStamps {

    static final Set<String> ALLOWED_DIGESTS = Set.of(TSPAlgorithms.SHA256.getId(), TSPAlgorithms.SHA384.getId(),
            TSPAlgorithms.SHA512.getId());

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeStamps() {
    }

    /** A DER-encoded request for a time-stamp over the data's SHA-256, asking for the TSA certificate. */
    public static byte[] request(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, Sha256.of(data), new BigInteger(63, RANDOM));
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new TimeStampException("cannot encode the request", e);
        }
    }

    /** Takes the token out of a granted response to the given request, checking that it answers it. */
    public static byte[] tokenOf(byte[] requestDer, byte[] responseDer) {
        try {
            TimeStampResponse response = new TimeStampResponse(responseDer);
            response.validate(new TimeStampRequest(requestDer));
            if (response.getTimeStampToken() == null) {
                throw new TimeStampException("the time-stamp was refused: " + response.getStatusString(), null);
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TimeStampException e) {
            throw e;
        } catch (Exception e) {
            throw new TimeStampException("the response does not answer the request", e);
        }
    }

    /**
     * Verifies a token over the data: the imprint matches, the signature is the TSA's, and the TSA
     * certificate (time-stamping purpose) chains to one of the trust anchors at the stamped time.
     *
     * @return the time the TSA vouches for
     */
    public static Instant verify(byte[] tokenDer, byte[] data, Collection<X509Certificate> trustAnchors) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(tokenDer));
        } catch (Exception e) {
            throw new TimeStampException("not a time-stamp token", e);
        }
        String digest = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        if (!ALLOWED_DIGESTS.contains(digest)) {
            throw new TimeStampException("the imprint uses a digest that is not allowed", null);
        }
        if (!digest.equals(TSPAlgorithms.SHA256.getId())
                || !MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), Sha256.of(data))) {
            throw new TimeStampException("the token does not cover this data", null);
        }
        X509Certificate tsa = signerCertificate(token);
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
        } catch (Exception e) {
            throw new TimeStampException("the token's signature is not valid", e);
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        validatePath(tsa, trustAnchors, time);
        return time;
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(TimeStampToken token) {
        Collection<X509CertificateHolder> matches = token.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
        if (matches.isEmpty()) {
            throw new TimeStampException("the token carries no TSA certificate", null);
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new TimeStampException("the TSA certificate cannot be read", e);
        }
    }

    private static void validatePath(X509Certificate tsa, Collection<X509Certificate> anchors, Instant at) {
        try {
            if (tsa.getExtendedKeyUsage() == null || !tsa.getExtendedKeyUsage().equals(List.of("1.3.6.1.5.5.7.3.8"))) {
                throw new TimeStampException("the signer is not a time-stamp authority", null);
            }
        } catch (CertificateParsingException e) {
            throw new TimeStampException("the signer is not a time-stamp authority", e);
        }
        try {
            Signatures.validatePath(tsa, List.of(), anchors, at);
        } catch (SealException e) {
            throw new TimeStampException("the TSA is not trusted", e);
        }
    }
}
