package org.carevault.it;

import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.StringReader;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;
import org.apache.wss4j.common.crypto.Merlin;
import org.carevault.client.SoapSigner;

/**
 * A generated client's handler that adds the eHealth WS-Security header: Timestamp, the assertion, the holder's signature
 * over Body and Timestamp.
 */
final class HolderOfKeyHandler implements SOAPHandler<SOAPMessageContext> {
    private final String assertion;
    private final Merlin key;

    HolderOfKeyHandler(String assertion, Merlin key) {
        this.assertion = assertion;
        this.key = key;
    }

    /** Makes a generated port call as the demo professional: at the address, answers validated against the schema. */
    @SuppressWarnings("rawtypes")
    static <T> T as(MailboxApi.Party party, T port, String address) throws Exception {
        jakarta.xml.ws.BindingProvider provider = (jakarta.xml.ws.BindingProvider) port;
        provider.getRequestContext().put(jakarta.xml.ws.BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        provider.getRequestContext().put("schema-validation-enabled", "IN");
        java.util.List<jakarta.xml.ws.handler.Handler> chain = java.util.List.of(new HolderOfKeyHandler(
                SamlAuthenticationIT.assertionFor(party), SoapSigner.crypto(party.authentication())));
        provider.getBinding().setHandlerChain(chain);
        return port;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            // Signed on a plain DOM copy (SAAJ's own tree refuses nodes of other documents), then put back.
            SOAPMessage message = context.getMessage();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            String signed = SoapSigner.sign(out.toString(java.nio.charset.StandardCharsets.UTF_8), key,
                    SoapSigner.RSA_SHA256, timestamp -> timestamp.getParentNode().appendChild(timestamp.getOwnerDocument()
                            .importNode(SoapSigner.parse(assertion).getDocumentElement(), true)));
            message.getSOAPPart().setContent(new StreamSource(new StringReader(signed)));
            message.saveChanges();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("the request cannot be signed", e);
        }
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }
}
