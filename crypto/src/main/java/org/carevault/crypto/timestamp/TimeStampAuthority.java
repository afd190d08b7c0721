package org.carevault.crypto.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.carevault.crypto.pki.Credential;

/**
 * An RFC 3161 time-stamp authority, hosted by the hub with its own TSA certificate (extended key
 * usage time-stamping, critical). Tokens are signed with RSASSA-PSS over SHA-256 and name the TSA
 * certificate by an ESSCertIDv2 (SHA-256). Only SHA-256 and stronger imprints are accepted.
 */
public final class TimeStampAuthority {

    /** The policy under which CareVault issues tokens (a private arc until one is registered). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.3161");

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeStampResponseGenerator responses;

    public TimeStampAuthority(Credential tsa) {
        try {
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                    .build("SHA256withRSAandMGF1", tsa.privateKey(), tsa.certificate());
            DigestCalculator certId = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, certId, POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            responses = new TimeStampResponseGenerator(tokens,
                    Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512));
        } catch (Exception e) {
            throw new TimeStampException("cannot set up the time-stamp authority", e);
        }
    }

    /** Answers a DER-encoded time-stamp request with a DER-encoded response (granted or rejected). */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request = new TimeStampRequest(requestDer);
            BigInteger serial = new BigInteger(127, RANDOM);
            TimeStampResponse response = responses.generateGrantedResponse(request, serial, new Date());
            return response.getEncoded();
        } catch (TSPException e) {
            return rejection(e);
        } catch (IOException | IllegalArgumentException e) {
            return rejection(new TSPException("bad request", e));
        }
    }

    private byte[] rejection(TSPException cause) {
        try {
            return responses.generateRejectedResponse(cause).getEncoded();
        } catch (TSPException | IOException e) {
            throw new TimeStampException("cannot encode a rejection", e);
        }
    }
}
